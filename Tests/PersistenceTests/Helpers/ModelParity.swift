import FluentKit
import Foundation

/// Compares two models field by field, without touching a field that is not set (Fluent stops
/// the process on reading one): the differences, named by column, empty when they are the same.
/// A field that a hand-written read forgot shows as "unset", a test failure, not a crash.
enum ModelParity {
    static func differences<M: Model>(_ plain: M, _ fluent: M, path: String = M.schema) -> [String] {
        var found: [String] = []
        for (left, right) in zip(plain.properties, fluent.properties) {
            guard let left = left as? any AnyQueryableProperty, let right = right as? any AnyQueryableProperty else {
                continue
            }
            let name = path + "." + left.path.map(\.description).joined(separator: ".")
            switch (value(left), value(right)) {
            case (nil, nil): continue
            case (nil, _): found.append("\(name): unset in the plain read")
            case (_, nil): found.append("\(name): unset in Fluent's read")
            case (let a?, let b?) where a != b: found.append("\(name): \(a) ≠ \(b)")
            default: continue
            }
        }
        return found
    }

    /// A property's value as text, nil when it is not set.
    private static func value(_ property: any AnyQueryableProperty) -> String? {
        guard let value = (property as any AnyProperty).anyValue else { return nil }
        if let date = value as? Date { return String(date.timeIntervalSince1970) }
        if let date = value as? Date?, let date { return String(date.timeIntervalSince1970) }
        return String(describing: value)
    }

    /// The differences of two lists of models matched by identifier.
    static func differences<M: Model>(_ plain: [M], _ fluent: [M]) -> [String] where M.IDValue == UUID {
        let byID = Dictionary(fluent.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [String] = plain.count == fluent.count ? [] : ["\(plain.count) rows ≠ \(fluent.count)"]
        for model in plain {
            guard let other = byID[model.id] else {
                found.append("\(M.schema) \(String(describing: model.id)): missing from Fluent's read")
                continue
            }
            found += differences(model, other)
        }
        return found
    }
}

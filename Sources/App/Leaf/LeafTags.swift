import Leaf
import Localization
import Vapor

/// `#t("key")` or `#t("key", "name", value, …)`: a message in the language of the response.
struct TranslateTag: LeafTag {
    struct Missing: Error {}

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let request = ctx.request, let key = ctx.parameters.first?.string else { throw Missing() }
        var args: [String: FTLValue] = [:]
        var rest = ctx.parameters.dropFirst()
        while rest.count >= 2 {
            let name = rest.removeFirst().string ?? ""
            let value = rest.removeFirst()
            args[name] = value.int.map(FTLValue.integer) ?? .string(value.string ?? "")
        }
        return .string(request.t(key, args))
    }
}

/// `#csrf()`: the session's CSRF token, for the hidden `_csrf` field of every form.
struct CSRFTag: LeafTag {
    struct Missing: Error {}

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let request = ctx.request else { throw Missing() }
        return .string(request.csrfToken())
    }
}

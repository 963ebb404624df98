/// The arguments of one formatting call, looked up by name without hashing.
///
/// Messages take one to three arguments: the first two are held inline, so building the
/// arguments and formatting with them allocates nothing; a lookup compares a few short names.
/// A dictionary (`[String: FTLValue]`) is accepted everywhere too and converted.
public struct FluentArguments: Sendable, ExpressibleByDictionaryLiteral {
    /// One named value (a nominal type: copying it needs no generic tuple witnesses).
    struct Argument: Sendable {
        var name: String
        var value: FTLValue
    }

    private var count: Int
    private var first: Argument
    private var second: Argument
    private var rest: [Argument]

    private static let none = Argument(name: "", value: .string(""))

    public init() {
        count = 0
        first = Self.none
        second = Self.none
        rest = []
    }

    /// One argument: the common case, with no allocation.
    public init(_ name: String, _ value: FTLValue) {
        count = 1
        first = Argument(name: name, value: value)
        second = Self.none
        rest = []
    }

    /// Two arguments, with no allocation.
    public init(_ name: String, _ value: FTLValue, _ otherName: String, _ otherValue: FTLValue) {
        self.init(name, value)
        self[otherName] = otherValue
    }

    public init(_ dictionary: [String: FTLValue]) {
        self.init()
        for (name, value) in dictionary { append(Argument(name: name, value: value)) }
    }

    public init(dictionaryLiteral elements: (String, FTLValue)...) {
        self.init()
        for (name, value) in elements { self[name] = value }
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(name: String) -> FTLValue? {
        get { argument(name)?.value }
        set {
            var all = arguments.filter { $0.name != name }
            if let newValue {
                if let index = arguments.firstIndex(where: { $0.name == name }) {
                    all.insert(Argument(name: name, value: newValue), at: index)
                } else {
                    all.append(Argument(name: name, value: newValue))
                }
            }
            self = FluentArguments()
            for argument in all { append(argument) }
        }
    }

    /// `body` applied to the value of `name` where it is stored (no copy); nil when absent.
    @inline(__always)
    func withValue<Result>(_ name: String, _ body: (FTLValue) -> Result) -> Result? {
        if count > 0 {
            if first.name == name { return body(first.value) }
            if count > 1 {
                if second.name == name { return body(second.value) }
                for index in rest.indices where rest[index].name == name { return body(rest[index].value) }
            }
        }
        return nil
    }

    func argument(_ name: String) -> Argument? {
        if count > 0 {
            if first.name == name { return first }
            if count > 1 {
                if second.name == name { return second }
                for argument in rest where argument.name == name { return argument }
            }
        }
        return nil
    }

    private var arguments: [Argument] { Array(([first, second] + rest).prefix(count)) }

    /// Adds an argument whose name is not present yet.
    private mutating func append(_ argument: Argument) {
        switch count {
        case 0: first = argument
        case 1: second = argument
        default: rest.append(argument)
        }
        count += 1
    }
}

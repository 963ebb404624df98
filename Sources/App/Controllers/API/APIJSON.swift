import Domain
import Foundation
import Vapor

/// The API's JSON: snake_case keys, ISO 8601 instants, money in minor units with its currency.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        let response = Response(status: status, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }

    /// The request's JSON body. Anything else (another media type, malformed JSON, a value of
    /// the wrong type) is a 400 that names no field: the client must fix its encoding.
    static func decode<T: Decodable>(_ type: T.Type, from req: Request) throws -> T {
        guard req.headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        guard let body = req.body.data, body.readableBytes > 0 else { throw Abort(.badRequest) }
        return try decoder.decode(T.self, from: body)
    }

    /// `unusedRule` → `unused_rule`: field names in errors as the API spells them.
    static func snakeCase(_ field: String) -> String {
        var out = ""
        for character in field {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Refuses query parameters the operation does not take: `?stauts=issued` is a mistake to
    /// report, not a filter to ignore.
    static func allowQuery(_ req: Request, _ names: Set<String> = []) throws {
        let given = URLComponents(string: req.url.string)?.queryItems?.map(\.name) ?? []
        if let unknown = given.first(where: { !names.contains($0) }) {
            throw DomainError(.unknownParameter, field: unknown)
        }
    }

    /// `limit` (1…500, 100 by default) and `offset` from the query.
    static func paging(_ req: Request) throws -> (limit: Int, offset: Int) {
        var v = Validator()
        var limit = 100
        var offset = 0
        if let text = req.query[String.self, at: "limit"] {
            if let value = Int(text), (1...500).contains(value) {
                limit = value
            } else {
                v.add(.invalidValue, field: "limit")
            }
        }
        if let text = req.query[String.self, at: "offset"] {
            if let value = Int(text), value >= 0, value <= 1_000_000 {
                offset = value
            } else {
                v.add(.invalidValue, field: "offset")
            }
        }
        try v.finish()
        return (limit, offset)
    }
}

/// A JSON number or string, read as the text a form would have sent, so that the API checks
/// `places` and `amount` with the very rules of the form (`1.5` places is refused by name).
struct LooseText: Decodable, Sendable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            text = String(int)
        } else if let double = try? container.decode(Double.self) {
            text = double.isFinite ? String(double) : "-"
        } else {
            text = try container.decode(String.self)
        }
    }
}

/// A list and whether more follows it.
struct APIList<Item: Encodable>: Encodable {
    var items: [Item]
    var hasMore: Bool
}

struct APIMoney: Encodable {
    var minor: Int
    var currency: String

    init(_ minor: Int, _ currency: Currency) {
        (self.minor, self.currency) = (minor, currency.rawValue)
    }
}

extension UUID {
    /// How the API writes ids: lower case, as in the site's URLs.
    var api: String { uuidString.lowercased() }
}

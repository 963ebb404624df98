import Foundation
import Testing

@testable import Domain

@Suite("The signed door token's format")
struct DoorTokenFormatTests {
    static let sample = DoorToken(
        voucherID: UUID(uuidString: "0000D000-0000-4000-8000-000000000042")!, scope: .event,
        scopeID: UUID(uuidString: "0000D000-0000-4000-8000-000000000101")!,
        notBefore: Date(timeIntervalSince1970: 1_800_000_000), expires: Date(timeIntervalSince1970: 1_900_000_000),
        keyID: "k1")

    @Test("encodes and reads back; a URL carrying it after #t= reads the same")
    func roundTrip() throws {
        let signature = [UInt8](repeating: 7, count: 64)
        let text = Self.sample.encoded(signature: signature)
        #expect(text.count == ((43 + 2 + 64) * 4 + 2) / 3)
        let (token, payload, read) = try DoorToken.decode(text)
        #expect(token == Self.sample && payload == Self.sample.payload && read == signature)
        #expect(try DoorToken.decode("https://mentore.test/v/ABCD#t=" + text).token == Self.sample)
        let credit = DoorToken(
            voucherID: UUID(), scope: .credit, scopeID: nil, notBefore: .distantPast, expires: .distantFuture,
            keyID: "k")
        #expect(try DoorToken.decode(credit.encoded(signature: signature)).token.scopeID == nil)
    }

    @Test("anything else is malformed; validity is checked against a time")
    func problems() throws {
        let good = Self.sample.encoded(signature: [UInt8](repeating: 1, count: 64))
        var wrongVersion = Base64URL.decode(good)!
        wrongVersion[0] = 2
        var badScope = Base64URL.decode(good)!
        badScope[17] = 9
        var creditWithID = Base64URL.decode(good)!
        creditWithID[17] = 0
        for text in [
            "", "abc", good + "A", String(good.dropLast(4)), good.replacingOccurrences(of: "A", with: "+"),
            Base64URL.encode(wrongVersion), Base64URL.encode(badScope), Base64URL.encode(creditWithID),
            String(repeating: "A", count: 500),
        ] {
            #expect(throws: DoorToken.Problem.malformed) { try DoorToken.decode(text) }
        }
        #expect(throws: DoorToken.Problem.notYetValid) {
            try Self.sample.check(at: Date(timeIntervalSince1970: 1_799_999_999))
        }
        #expect(throws: DoorToken.Problem.expired) {
            try Self.sample.check(at: Date(timeIntervalSince1970: 1_900_000_000))
        }
        try Self.sample.check(at: Date(timeIntervalSince1970: 1_850_000_000))
        #expect(Base64URL.decode("_-8") == [0xFF, 0xEF] && Base64URL.encode([0xFF, 0xEF]) == "_-8")
    }
}

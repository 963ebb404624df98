import Domain
import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The door's group commit: scans made together answer as if made one by one")
struct DoorBatchTests {
    typealias Client = APITests.Client

    /// A short, checkable rendering of an outcome: result, holder, redemption id.
    static let render: @Sendable (Door.Outcome, String?) throws -> String = { outcome, holder in
        switch outcome {
        case .admitted(let redemption, _): "admitted|\(holder ?? "")|\(try redemption.requireID().api)"
        case .alreadyUsed(let first): "already_used|\(holder ?? "")|\(try first.requireID().api)"
        case .refused(let error): "refused|\(error.code.rawValue)"
        }
    }

    @Test("one batch: repeats are already used, a nonce sent twice is answered once, reused for another code 409")
    func oneBatch() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let bench = try await BenchData.seed(app, count: 5)
            let device = try await DoorDevices.create(
                organizerID: BenchData.organizer, label: "Batch", createdBy: "test", app: app, on: app.db
            ).device
            let scanner = try Door.Scanner.device(device)
            let stranger = try Door.Scanner.device(
                try await DoorDevices.create(
                    organizerID: DemoData.slowMill, label: "Slow Mill", createdBy: "test", app: app, on: app.db
                ).device)
            let codes = bench.codes
            func item(_ input: String, _ nonce: String, _ who: Door.Scanner = scanner) -> Door.NoncedScan {
                Door.NoncedScan(
                    Door.Scan(input: input, sessionID: bench.session, scanner: who, scannedAt: nil), nonce: nonce,
                    render: Self.render)
            }
            let items = [
                item(codes[0], "a"),
                item(codes[1], "b"),
                item(codes[0], "c"),
                item(codes[1], "b"),
                item(codes[2], "b"),
                item("garbage", "d"),
                item("http://mentore.test/v/\(codes[3].lowercased())", "e"),
                item(codes[4], "f", stranger),
            ]
            let results = try await app.db.writeTransaction { db in try await Door.scanAll(items, app: app, in: db) }
            let bodies = results.map { try? $0.get().body }
            let admitted = bodies.compactMap { $0 }.filter { $0.hasPrefix("admitted|") }
            #expect(Set(admitted).count == 3 && admitted.count == 4, "\(bodies)")
            let first = try #require(bodies[0])
            #expect(first.hasPrefix("admitted|"))
            #expect(bodies[2] == "already_used|" + first.dropFirst("admitted|".count), "the first admission is named")
            #expect(bodies[3] == bodies[1], "the same nonce and request: the same answer")
            #expect(throws: DomainError.self) { try results[4].get() }
            #expect((results[4] as Result).failureCode == .nonceReused)
            #expect(bodies[5] == "refused|voucher-malformed")
            #expect(bodies[6]?.hasPrefix("admitted|") == true, "a lower-case code in its URL")
            #expect(bodies[7] == "refused|wrong-organizer")

            #expect(try await RedemptionModel.query(on: app.db).count() == 3)
            #expect(try await DoorScanModel.query(on: app.db).count() == 6, "every answer but the 409 is kept once")
            let completed = try await VoucherModel.query(on: app.db).filter(\.$code ~~ [codes[0], codes[1], codes[3]])
                .all().map(\.status)
            #expect(completed == [.completed, .completed, .completed], "an event voucher is used up by its step")
            let payable = try await LedgerStore.balance(
                .payable(BenchData.organizer.uuidString), .eur, on: app.db)
            #expect(payable == 3 * BenchData.price.minor)

            // Sent again, in another batch: the stored answers, nothing new.
            let again = try await app.db.writeTransaction { db in
                try await Door.scanAll([items[1], items[2]], app: app, in: db)
            }
            #expect(again.map { try? $0.get().body } == [bodies[1], bodies[2]])
            #expect(try await RedemptionModel.query(on: app.db).count() == 3)
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a token scanned before the door's key exists is refused (unknown key), not made to wait for a key")
    func tokenWithoutKey() async throws {
        let (_, now) = Fixtures.clock()
        try await withApp(now: now) { app async throws in
            let bench = try await BenchData.seed(app, count: 1)
            let voucher = try await VoucherModel.query(on: app.db).filter(\.$code == bench.codes[0]).first()
                .orNotFound()
            let token = try await DoorTokens.token(for: voucher, app: app, on: app.db)
            // As on a platform whose key was never made (or was replaced): nothing verifies the token.
            try await SigningKeyModel.query(on: app.db).filter(\.$name == DoorTokens.keyName).delete()
            let answer = try Fixtures.json(
                try await Client(app, token: bench.token).call(
                    .POST, SiteRoute.apiRedemptions.path,
                    json: #"{"signed_token":"\#(token)","session_id":"\#(bench.session.api)","nonce":"k-1"}"#))
            #expect(answer["reason"] as? String == "token-unknown-key")
            #expect(try await RedemptionModel.query(on: app.db).count() == 0)
            #expect(try await SigningKeyModel.query(on: app.db).count() == 0, "a scan makes no key")
        }
    }

    @Test("60 concurrent scans (each of 30 codes twice) through two app instances: each voucher admitted once")
    func concurrentDistinct() async throws {
        let (_, now) = Fixtures.clock()
        try await withTwoApps(now: now) { first, second in
            let bench = try await BenchData.seed(first, count: 30)
            let pages = try await withThrowingTaskGroup(of: (String, TestBrowser.Page).self) { group in
                for n in 0..<60 {
                    let code = bench.codes[n % 30]
                    let app = n.isMultiple(of: 2) ? first : second
                    group.addTask {
                        let page = try await Client(app, token: bench.token).call(
                            .POST, SiteRoute.apiRedemptions.path,
                            json: DoorTests.scan(code: code, session: bench.session, nonce: "q-\(n)"))
                        return (code, page)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let answers = try pages.map { ($0.0, try Fixtures.json($0.1)) }
            let results = answers.map { $0.1["result"] as? String }
            #expect(results.filter { $0 == "admitted" }.count == 30, "\(answers.map(\.1))")
            #expect(results.filter { $0 == "already_used" }.count == 30)
            for code in bench.codes {
                let ids = Set(
                    answers.filter { $0.0 == code }.compactMap {
                        ($0.1["redemption"] as? [String: Any])?["id"] as? String
                    })
                #expect(ids.count == 1, "both answers for \(code) name its one admission")
            }
            #expect(try await RedemptionModel.query(on: first.db).count() == 30)
            #expect(try await DoorScanModel.query(on: first.db).count() == 60)
            // Scans that arrived together were made together: fewer transactions than scans.
            let batches = [first, second].map { Self.counter("door_batches_total", $0) }.reduce(0, +)
            let scans = [first, second].map { Self.counter("door_batch_scans_total", $0) }.reduce(0, +)
            #expect(scans == 60 && batches < 60, "\(batches) batches for \(scans) scans")
            let payable = try await LedgerStore.balance(
                .payable(BenchData.organizer.uuidString), .eur, on: first.db)
            #expect(payable == 30 * BenchData.price.minor)
            try await Fixtures.ledgerIsSound(first)
        }
    }
}

extension DoorBatchTests {
    @Test("trimmed drops what Foundation's trimming drops")
    func trimming() {
        for input in [
            "", " ", "ABC", " ABC", "ABC\n", "\t ABC \r\n", "A B", "\u{00A0}ABC\u{2003}", "ÀBC", "ABÇ", "\u{2028}X",
            "https://mentore.test/v/ABCD", "#t=abc.def",
        ] {
            #expect(
                Door.trimmed(input) == input.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(input.debugDescription)")
        }
    }

    /// A counter's value in the app's metrics (0 when it has none yet).
    static func counter(_ name: String, _ app: Application) -> Int {
        let line = app.mentore.metrics.render().split(separator: "\n").first { $0.hasPrefix(name + " ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }
}

extension Result where Failure == any Error {
    /// The domain error's code, for a failed result.
    fileprivate var failureCode: DomainError.Code? {
        if case .failure(let error) = self { (error as? DomainError)?.code } else { nil }
    }
}

@Suite("Hexadecimal hashes")
struct HexTests {
    @Test("hexString writes every byte as String(format: \"%02x\") does")
    func hex() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().hexString == "")
        #expect(SecureToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

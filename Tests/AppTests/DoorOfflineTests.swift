import Domain
import Fluent
import Foundation
import Localization
import Persistence
import Testing
import Vapor

@testable import App

@Suite("The scanner offline: what the page keeps, the installable app, sync and conflicts")
struct DoorOfflineTests {
    static func sync(_ browser: TestBrowser, _ path: String, code: String, nonce: String, at date: Date)
        async throws -> TestBrowser.Page
    {
        let body = #"{"scans":[{"code":"\#(code)","nonce":"\#(nonce)","scanned_at":"\#(date.formatted(.iso8601))"}]}"#
        return try await browser.send(
            .POST, path, body: body,
            headers: [("Content-Type", "application/json"), ("X-CSRF-Token", try await browser.csrfToken() ?? "")])
    }

    @Test("two devices that admitted one voucher offline: the first to sync admits, the second is a reported conflict")
    func conflictAtSync() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(600) }
            let scanPath = SiteRoute.doorScan(.value(sessionID)).path
            let syncPath = SiteRoute.doorSync(.value(sessionID)).path

            let door = TestBrowser(app, acceptLanguage: "en")
            _ = try await door.login("door@mentore.test")
            let page = try await door.get(scanPath)
            // The page holds the date's list (by the code's hash), the key, and links its manifest.
            #expect(page.contains("data-offline=") && page.contains(SecureToken.hash(voucher.code)))
            #expect(page.contains("rel=\"manifest\" href=\"/door/manifest.webmanifest?lang=it\""))
            let manager = TestBrowser(app, acceptLanguage: "en")
            _ = try await manager.login("organizer@mentore.test")
            _ = try await manager.get(scanPath)

            // Without the page's token: refused, nothing admitted.
            let forged = try await door.send(
                .POST, syncPath, body: #"{"scans":[]}"#, headers: [("Content-Type", "application/json")])
            #expect(forged.status == .forbidden)

            // The manager's phone synced first, though the door's scan was earlier.
            let first = try Fixtures.json(
                try await Self.sync(
                    manager, syncPath, code: voucher.code, nonce: "m-1", at: session.startsAt.addingTimeInterval(120)))
            #expect((first["results"] as? [[String: Any]])?.first?["result"] as? String == "admitted")
            #expect((first["conflicts"] as? [Any])?.isEmpty == true)
            for _ in 0..<2 {  // the door's sync, and its retry after a lost answer
                let second = try Fixtures.json(
                    try await Self.sync(
                        door, syncPath, code: voucher.code, nonce: "d-1", at: session.startsAt.addingTimeInterval(60)))
                #expect((second["results"] as? [[String: Any]])?.first?["result"] as? String == "already_used")
                #expect((second["conflicts"] as? [String])?.first?.contains("Drita 1") == true)
            }
            #expect(try await RedemptionModel.query(on: app.db).count() == 1, "charged once")
            #expect(try await DoorConflictModel.query(on: app.db).count() == 1, "reported once")
            let expected = try await manager.get(SiteRoute.doorSession(.value(sessionID)).path)
            let it = { (key: String, args: [String: FTLValue]) in app.mentore.localizer.t(key, args, in: "it") }
            #expect(expected.shows(it("door-conflicts-notice", ["count": 1, "holders": "Drita 1"])))

            // A scan without its nonce, or too many scans at once: refused, nothing admitted.
            let token = try await door.csrfToken() ?? ""
            let bare = try Fixtures.json(
                try await door.send(
                    .POST, syncPath,
                    body: #"{"scans":[{"code":"\#(voucher.code)","scanned_at":"\#(now().formatted(.iso8601))"}]}"#,
                    headers: [("Content-Type", "application/json"), ("X-CSRF-Token", token)]))
            #expect((bare["results"] as? [[String: Any]])?.first?["reason"] as? String == "invalid-value")
            let many = "[" + Array(repeating: #"{"code":"x","nonce":"n"}"#, count: 1001).joined(separator: ",") + "]"
            let flood = try await door.send(
                .POST, syncPath, body: #"{"scans":\#(many)}"#,
                headers: [("Content-Type", "application/json"), ("X-CSRF-Token", token)])
            #expect(flood.status == .unprocessableEntity)
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)

            // A scan time from the future is refused; the rest of the batch goes on.
            let future = try Fixtures.json(
                try await Self.sync(
                    door, syncPath, code: voucher.code, nonce: "d-2", at: now().addingTimeInterval(3600)))
            #expect((future["results"] as? [[String: Any]])?.first?["reason"] as? String == "scan-time-invalid")
            try await Fixtures.ledgerIsSound(app)
        }
    }

    @Test("a sync of 1,000 scans passes a real server's body limit; 1,001 are refused, nothing admitted")
    func largeSync() async throws {
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, seed: true) { app async throws in
            let (voucher, session) = try await DoorTests.reserved(app)
            let sessionID = try session.requireID()
            clock.withLockedValue { $0 = session.startsAt.addingTimeInterval(600) }
            let door = TestBrowser(app, acceptLanguage: "en")
            _ = try await door.login("door@mentore.test")
            _ = try await door.get(SiteRoute.doorScan(.value(sessionID)).path)
            let token = try await door.csrfToken() ?? ""
            // The sync itself through a real server: the body limit applies only there.
            door.live = true
            let at = session.startsAt.addingTimeInterval(60).formatted(.iso8601)
            // The voucher once, and 999 scans of signed tokens as long as real ones (refused: forged).
            let forged = "#t=" + String(repeating: "A", count: 380)
            let scans =
                [#"{"code":"\#(voucher.code)","nonce":"big-0","scanned_at":"\#(at)"}"#]
                + (1..<1000).map { #"{"token":"\#(forged)","nonce":"big-\#($0)","scanned_at":"\#(at)"}"# }
            let body = #"{"scans":["# + scans.joined(separator: ",") + "]}"
            #expect(body.utf8.count > 400_000)
            let headers = [("Content-Type", "application/json"), ("X-CSRF-Token", token)]
            let synced = try await door.send(
                .POST, SiteRoute.doorSync(.value(sessionID)).path, body: body, headers: headers)
            #expect(synced.status == .ok)
            let results = try #require(try Fixtures.json(synced)["results"] as? [[String: Any]])
            #expect(results.count == 1000)
            #expect(results.first?["result"] as? String == "admitted")
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
            let tooMany = #"{"scans":["# + (scans + [scans[1]]).joined(separator: ",") + "]}"
            let refused = try await door.send(
                .POST, SiteRoute.doorSync(.value(sessionID)).path, body: tooMany, headers: headers)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await RedemptionModel.query(on: app.db).count() == 1)
        }
    }

    @Test("the manifest speaks the language asked for and opens the door's pages")
    func manifest() async throws {
        try await withApp(seed: true) { app async throws in
            let page = try await TestBrowser(app).get(SiteRoute.doorManifest.path + "?lang=sq")
            #expect(page.status == .ok && page.headers.contentType?.subType == "manifest+json")
            let manifest = try Fixtures.json(page)
            #expect(manifest["name"] as? String == app.mentore.localizer.t("door-app-name", [:], in: "sq"))
            #expect(manifest["start_url"] as? String == "/door" && manifest["display"] as? String == "standalone")
        }
    }
}

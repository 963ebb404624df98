import Fluent
import Foundation
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Members pages: removing colleagues")
struct MembersTests {
    static func member(_ email: String, _ app: Application) async throws -> OrganizerMemberModel {
        let user = try await UserModel.query(on: app.db).filter(\.$email == email).first().orNotFound()
        return try await OrganizerMemberModel.query(on: app.db).filter(\.$user.$id == user.requireID()).first()
            .orNotFound()
    }

    @Test("a manager removes door staff, and the audit says who; the last manager cannot remove themself")
    func removeAndLastManager() async throws {
        try await withApp(seed: true) { app async throws in
            let manager = TestBrowser(app, acceptLanguage: "en")
            _ = try await manager.login("organizer@mentore.test")
            let door = try await Self.member("door@mentore.test", app)
            let removed = try await manager.post(
                SiteRoute.organizerRemoveMember(.value(DemoData.slowMill), member: .value(try door.requireID())).path,
                [])
            #expect(removed.status == .seeOther)
            #expect(try await OrganizerMemberModel.find(door.requireID(), on: app.db) == nil)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "remove-member").all()
            #expect(audit.map(\.detail) == ["door@mentore.test (door)"])
            #expect(audit.map(\.actorEmail) == ["organizer@mentore.test"])

            let own = try await Self.member("organizer@mentore.test", app)
            let refused = try await manager.post(
                SiteRoute.organizerRemoveMember(.value(DemoData.slowMill), member: .value(try own.requireID())).path,
                [])
            #expect(refused.status == .conflict)
            #expect(refused.shows(app.mentore.localizer.t("error-last-manager", in: "it")))
            #expect(try await OrganizerMemberModel.find(own.requireID(), on: app.db) != nil)
        }
    }
}

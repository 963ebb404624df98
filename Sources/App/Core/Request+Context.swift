import Domain
import Fluent
import Localization
import Persistence
import Vapor

/// The signed-in user with every role they hold, loaded once per request.
public struct CurrentUser: Sendable {
    public let id: UUID
    public let email: String
    public let displayName: String
    public let language: String
    public let roles: Set<Role>
    /// The Organizers the user belongs to, with their role in each.
    public let organizers: [UUID: OrganizerRole]
    public let partners: Set<UUID>
    /// The account's session epoch: a session signed in under another one is signed out.
    public let sessionEpoch: Int

    public var isAdmin: Bool { roles.contains(.admin) }

    public func canManage(organizer id: UUID) -> Bool { isAdmin || organizers[id] == .manager }
    public func canScan(organizer id: UUID) -> Bool { isAdmin || organizers[id] != nil }
    public func canCoordinate(partner id: UUID) -> Bool { isAdmin || partners.contains(id) }

    static func load(_ userID: UUID, on db: any Database) async throws -> CurrentUser? {
        guard let user = try await UserModel.find(userID, on: db) else { return nil }
        let organizerMemberships = try await OrganizerMemberModel.query(on: db)
            .filter(\.$user.$id == userID).join(
                OrganizerModel.self, on: \OrganizerMemberModel.$organizer.$id == \OrganizerModel.$id
            )
            .filter(OrganizerModel.self, \.$status == .approved).all()
        let partnerMemberships = try await PartnerMemberModel.query(on: db).filter(\.$user.$id == userID).all()
        var roles: Set<Role> = []
        if user.isAdmin { roles.insert(.admin) }
        if user.isMentor { roles.insert(.mentor) }
        if !partnerMemberships.isEmpty { roles.insert(.partnerCoordinator) }
        var organizers: [UUID: OrganizerRole] = [:]
        for membership in organizerMemberships {
            organizers[membership.$organizer.id] = membership.role
            roles.insert(membership.role.role)
        }
        return CurrentUser(
            id: userID, email: user.email, displayName: user.displayName, language: user.language, roles: roles,
            organizers: organizers, partners: Set(partnerMemberships.map { $0.$partner.id }),
            sessionEpoch: user.sessionEpoch)
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey {
        typealias Value = CurrentUser
    }
    private struct LanguageKey: StorageKey {
        typealias Value = String
    }

    public var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set {
            storage[CurrentUserKey.self] = newValue
            storage[LanguageKey.self] = nil
        }
    }

    /// The signed-in user, or a 401 that sends a browser to the log-in page.
    public func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw DomainError(.unauthenticated) }
        return user
    }

    /// The language of this response: the user's preference, then an explicit choice
    /// (`?lang=` or the `lang` cookie), then `Accept-Language`, then Italian.
    public var language: String {
        if let cached = storage[LanguageKey.self] { return cached }
        let explicit = languageParameter ?? cookies["lang"]?.string
        let chosen = application.mentore.negotiator.negotiate(
            userPreference: currentUser?.language, explicit: explicit,
            acceptLanguage: headers.first(name: .acceptLanguage))
        storage[LanguageKey.self] = chosen
        return chosen
    }

    /// `?lang=`, decoded only when the address has it: every response says its language
    /// (`Content-Language`), and decoding a query was about 2 % of the time of a `/healthz`.
    private var languageParameter: String? {
        guard let query = url.query, query.contains("lang=") else { return nil }
        return self.query[String.self, at: "lang"]
    }

    /// Speaks a document's own language (an organizer's settlement statement) whoever reads
    /// it, unless the reader asks for another with `?lang=`.
    public func speak(document language: String) {
        let negotiator = application.mentore.negotiator
        if let explicit = languageParameter, negotiator.lookup(explicit) != nil { return }
        if let match = negotiator.lookup(language) { storage[LanguageKey.self] = match }
    }

    /// Speaks `preferred` (a beneficiary's language, on their voucher's pages) unless the
    /// reader chose a language (`?lang=`, the `lang` cookie, or a signed-in user's setting).
    public func prefer(language preferred: String?) {
        let negotiator = application.mentore.negotiator
        let explicit = languageParameter ?? cookies["lang"]?.string
        if currentUser.flatMap({ negotiator.lookup($0.language) }) != nil || explicit.flatMap(negotiator.lookup) != nil
        {
            return
        }
        if let match = preferred.flatMap(negotiator.lookup) { storage[LanguageKey.self] = match }
    }

    /// A message in the language of this response.
    public func t(_ key: String, _ args: [String: FTLValue] = [:]) -> String {
        let result = application.mentore.localizer.format(key, args, in: language)
        application.mentore.metrics.record(result.issues)
        return result.text
    }

    public var now: Date { application.mentore.now() }

    /// The client's address for rate limits and the audit log.
    /// The connection's peer, or the client a trusted proxy names in `X-Forwarded-For`
    /// (`TRUSTED_PROXIES`).
    public var clientAddress: String {
        application.mentore.config.trustedProxies.client(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor]) ?? "unknown"
    }
}

extension Optional {
    /// The value, or a 404 with the localized "not found" page.
    func orNotFound() throws -> Wrapped {
        guard let value = self else { throw DomainError(.notFound) }
        return value
    }
}

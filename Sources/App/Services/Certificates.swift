import Crypto
import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// Certificates of completed circuits: issued once per voucher, checked at a public URL, and
/// offered as an Open Badges 3.0 credential signed by the platform (Data Integrity proof,
/// `eddsa-jcs-2022`: Ed25519 over the JCS form of the credential and of the proof's options).
enum Certificates {
    /// Issues the voucher's certificate, once: a concurrent or repeated call finds it issued. A
    /// certificate withdrawn meanwhile (`withdraw`) is reinstated, with the same code and the
    /// steps now attended.
    static func issue(_ voucher: VoucherModel, redemptions: [RedemptionModel], now: Date, on db: any Database)
        async throws -> CertificateModel?
    {
        let voucherID = try voucher.requireID()
        guard voucher.scope == .circuit, let versionID = voucher.scopeID,
            let beneficiaryID = voucher.$beneficiary.id,
            let beneficiary = try await BeneficiaryModel.find(beneficiaryID, on: db)
        else { return nil }
        let sessions = redemptions.map(\.session)
        let events = try await EventModel.query(on: db).filter(\.$id ~~ Set(redemptions.map { $0.$event.id }))
            .with(\.$venue).with(\.$organizer).all()
        var steps: [CertificateModel.Step] = []
        for (redemption, session) in zip(redemptions, sessions) {
            guard let event = events.first(where: { $0.id == redemption.$event.id }) else { continue }
            steps.append(
                .init(
                    event: try event.requireID(), startsAt: session.startsAt, endsAt: session.endsAt,
                    venue: event.venue.name, city: event.venue.city, organizer: event.organizer.name))
        }
        steps.sort { $0.startsAt < $1.startsAt }
        let sql = db as! any SQLDatabase
        try await sql.insert(into: CertificateModel.schema)
            .columns("id", "code", "voucher_id", "circuit_version_id", "holder_name", "language", "steps", "issued_at")
            .values(
                SQLBind(UUID()), SQLBind(VoucherCode.generate().canonical), SQLBind(voucherID), SQLBind(versionID),
                SQLBind(beneficiary.name), SQLBind(beneficiary.language), SQLBind(try CertificateModel.encode(steps)),
                SQLBind(now)
            )
            .onConflict(with: ["voucher_id"]) { conflict in
                conflict.set(excludedValueOf: "steps").set(excludedValueOf: "issued_at")
                    .set("withdrawn_at", to: SQLLiteral.null)
                    .where(SQLColumn("withdrawn_at", table: CertificateModel.schema), .isNot, SQLLiteral.null)
            }.run()
        return try await CertificateModel.query(on: db).filter(\.$voucher.$id == voucherID).first()
    }

    /// Withdraws the voucher's certificate (the admission that completed its circuit was
    /// undone): kept with the time of withdrawal, no longer shown or vouched for.
    static func withdraw(voucherID: UUID, now: Date, on db: any Database) async throws {
        try await CertificateModel.query(on: db).filter(\.$voucher.$id == voucherID).filter(\.$withdrawnAt == nil)
            .set(\.$withdrawnAt, to: now).update()
    }

    /// A certificate by its typed or scanned code; `certificateUnknown` for any other input.
    static func find(_ input: String, on db: any Database) async throws -> CertificateModel {
        guard let code = try? VoucherCode(reading: input),
            let certificate = try await CertificateModel.query(on: db).filter(\.$code == code.canonical)
                .filter(\.$withdrawnAt == nil).with(\.$circuitVersion).first()
        else { throw DomainError(.certificateUnknown) }
        return certificate
    }

    // MARK: Signing

    static let keyName = "certificates-ed25519"

    /// The platform's signing key, created on first use and shared through the database (of
    /// two instances creating it at once, the first insert wins and both read it back).
    static func signingKey(app: Application, on db: any Database) async throws -> Curve25519.Signing.PrivateKey {
        try await signingKey(named: keyName, app: app, on: db)
    }

    /// The platform's Ed25519 key called `keyName` (certificates, door tokens), made once.
    static func signingKey(named keyName: String, app: Application, on db: any Database) async throws
        -> Curve25519.Signing.PrivateKey
    {
        if let row = try await SigningKeyModel.query(on: db).filter(\.$name == keyName).first(),
            let data = Data(base64Encoded: row.privateKey)
        {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: data)
        }
        let fresh = Curve25519.Signing.PrivateKey().rawRepresentation.base64EncodedString()
        try await db.writeTransaction { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: SigningKeyModel.schema).columns("id", "name", "private_key", "created_at")
                .values(
                    SQLBind(UUID()), SQLBind(keyName), SQLBind(fresh),
                    SQLBind(app.mentore.now())
                )
                .ignoringConflicts(with: ["name"]).run()
        }
        let row = try await SigningKeyModel.query(on: db).filter(\.$name == keyName).first().orNotFound()
        return try Curve25519.Signing.PrivateKey(rawRepresentation: Data(base64Encoded: row.privateKey) ?? Data())
    }

    static let contexts: CanonicalJSON = .array([
        .string("https://www.w3.org/ns/credentials/v2"),
        .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
    ])

    /// `z` + base58btc of the multicodec `ed25519-pub` (0xed 0x01) and the key.
    static func multibase(_ key: Curve25519.Signing.PublicKey) -> String {
        "z" + Base58.encode([0xED, 0x01] + Array(key.rawRepresentation))
    }

    /// The issuer's profile, with the key that verifies its credentials.
    static func issuerProfile(site: String, key: Curve25519.Signing.PublicKey) -> CanonicalJSON {
        let id = site + SiteRoute.certificateIssuer.path
        return .object([
            "@context": contexts, "id": .string(id), "type": .array([.string("Profile")]),
            "name": .string("Mentore"), "url": .string(site),
            "verificationMethod": .array([
                .object([
                    "id": .string(id + "#key-1"), "type": .string("Multikey"), "controller": .string(id),
                    "publicKeyMultibase": .string(multibase(key)),
                ])
            ]),
            "assertionMethod": .array([.string(id + "#key-1")]),
        ])
    }

    /// What `eddsa-jcs-2022` signs: SHA-256 of the proof options (with the document's
    /// `@context`), then SHA-256 of the document without its proof, both in JCS form.
    static func signingInput(document: CanonicalJSON, proofOptions: CanonicalJSON) -> Data {
        var options = proofOptions.removing("proofValue")
        if let context = document["@context"] { options = options.setting("@context", context) }
        return Data(SHA256.hash(data: Data(options.canonical.utf8)))
            + Data(SHA256.hash(data: Data(document.removing("proof").canonical.utf8)))
    }

    /// Signs `document` with a Data Integrity proof.
    static func sign(
        _ document: CanonicalJSON, key: Curve25519.Signing.PrivateKey, verificationMethod: String, at date: Date
    ) throws -> CanonicalJSON {
        let options: CanonicalJSON = .object([
            "type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-jcs-2022"),
            "created": .string(date.formatted(.iso8601)), "verificationMethod": .string(verificationMethod),
            "proofPurpose": .string("assertionMethod"),
        ])
        let signature = try key.signature(for: signingInput(document: document, proofOptions: options))
        return document.setting("proof", options.setting("proofValue", .string("z" + Base58.encode(Array(signature)))))
    }

    /// Whether `document`'s proof verifies with `key`.
    static func verify(_ document: CanonicalJSON, key: Curve25519.Signing.PublicKey) -> Bool {
        guard let proof = document["proof"], case .string(let value)? = proof["proofValue"], value.hasPrefix("z"),
            let signature = Base58.decode(String(value.dropFirst()))
        else { return false }
        return key.isValidSignature(signature, for: signingInput(document: document, proofOptions: proof))
    }

    /// The certificate as an Open Badges 3.0 `OpenBadgeCredential`, signed.
    static func credential(
        _ certificate: CertificateModel, title: String, description: String, app: Application, on db: any Database
    ) async throws -> CanonicalJSON {
        let site = app.mentore.config.siteURL
        let code = certificate.code
        let version = certificate.circuitVersion
        let achievementID =
            site + SiteRoute.circuit(.value(version.$circuit.id)).path + "#version-\(version.version)"
        let document: CanonicalJSON = .object([
            "@context": contexts,
            "id": .string(site + SiteRoute.certificate(.value(code)).path),
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "name": .string(title),
            "issuer": .object([
                "id": .string(site + SiteRoute.certificateIssuer.path), "type": .array([.string("Profile")]),
                "name": .string("Mentore"), "url": .string(site),
            ]),
            "validFrom": .string(certificate.issuedAt.formatted(.iso8601)),
            "credentialSubject": .object([
                "type": .array([.string("AchievementSubject")]),
                "identifier": .array([
                    .object([
                        "type": .string("IdentityObject"), "identityType": .string("name"),
                        "hashed": .bool(false), "identityHash": .string(certificate.holderName),
                    ])
                ]),
                "achievement": .object([
                    "id": .string(achievementID), "type": .array([.string("Achievement")]),
                    "achievementType": .string("Certificate"), "name": .string(title),
                    "description": .string(description),
                    "criteria": .object(["narrative": .string(description)]),
                    "inLanguage": .string(certificate.language),
                ]),
            ]),
        ])
        let key = try await signingKey(app: app, on: db)
        return try sign(
            document, key: key, verificationMethod: site + SiteRoute.certificateIssuer.path + "#key-1",
            at: certificate.issuedAt)
    }
}

import Crypto
import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// Makes API writes safe to retry: the first request with an `Idempotency-Key` runs and its
/// successful answer is kept; the same key with the same method, path and body gets that answer
/// again (`Idempotent-Replayed: true`) without anything being done twice; the same key with a
/// different request is refused (422) and changes nothing. Keys belong to the user the bearer
/// token speaks for. Concurrent requests with one key, on any instance, meet at the table's
/// unique index: one runs, the others wait for its answer.
///
/// Errors are not kept (as Stripe does): a refused request changed nothing, so running it again
/// gives the same refusal, or succeeds once the client has fixed it.
struct IdempotencyMiddleware: AsyncMiddleware {
    /// Whether a write without the header is refused (POST) or simply not protected (DELETE).
    var required: Bool
    /// How long a retry waits for the first request's answer before it is told to try later.
    var patience: Duration = .seconds(15)

    struct KeyStorage: StorageKey { typealias Value = String }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else { return try await next.respond(to: request) }
        guard let header = request.headers.first(name: "Idempotency-Key") else {
            if required { throw DomainError(.idempotencyKeyRequired) }
            return try await next.respond(to: request)
        }
        guard let key = Funding.validKey(header) else { throw DomainError(.idempotencyKeyRequired) }
        request.storage[KeyStorage.self] = key
        let body = try await request.body.collect(max: 1 << 20).get()
        let fingerprint = Self.fingerprint(request, body: body)
        let deadline = ContinuousClock.now + patience
        // Waiting retries look again after 25 ms, then ever less often (up to 0.5 s): a burst
        // of them must not crowd out the database connections the first request works with.
        var pause = Duration.milliseconds(25)
        while true {
            switch try await IdempotencyStore.claim(
                user: user.id, key: key, fingerprint: fingerprint, app: request.application, db: request.db)
            {
            case .run(let recordID):
                let response: Response
                do {
                    response = try await next.respond(to: request)
                } catch {
                    try? await IdempotencyStore.release(recordID, db: request.db)
                    throw error
                }
                // The work is done: the answer goes out even if keeping it fails (a retry after
                // `abandonedAfter` then runs the request again, and the services' own guards hold).
                do {
                    if (200..<300).contains(response.status.code), let text = response.body.string {
                        try await IdempotencyStore.complete(
                            recordID, status: Int(response.status.code), body: text, db: request.db)
                    } else {
                        try await IdempotencyStore.release(recordID, db: request.db)
                    }
                } catch {
                    request.logger.warning("idempotency record not saved", metadata: ["error": "\(error)"])
                }
                return response
            case .replay(let status, let text):
                let response = Response(status: HTTPResponseStatus(statusCode: status), body: .init(string: text))
                response.headers.contentType = .json
                response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
                return response
            case .mismatch:
                throw DomainError(.idempotencyMismatch)
            case .busy:
                guard ContinuousClock.now < deadline else { throw DomainError(.idempotencyInProgress) }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(500))
            }
        }
    }

    /// Method, path, query and body; a JSON body with its keys sorted, so that a client that
    /// serializes the same object in another order is still "the same body".
    static func fingerprint(_ request: Request, body: ByteBuffer?) -> String {
        var bytes = Data(body.map { Data($0.readableBytesView) } ?? Data())
        if !bytes.isEmpty, let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]),
            let canonical = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        {
            bytes = canonical
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)?\(request.url.query ?? "")\n".utf8))
        hasher.update(data: bytes)
        return hasher.finalize().hexString
    }
}

extension Request {
    /// The validated `Idempotency-Key` of this API write, if it carried one.
    var idempotencyKey: String? {
        storage[IdempotencyMiddleware.KeyStorage.self]
    }
}

/// The `idempotency_records` table: one row per (user, key), claimed by a unique index.
enum IdempotencyStore {
    enum Claim: Equatable {
        /// Nobody ran this key yet: run the request, then `complete` or `release` the record.
        case run(UUID)
        /// It ran and succeeded: answer this.
        case replay(status: Int, body: String)
        /// The key was used for a different request.
        case mismatch
        /// The first request is still running (here or on another instance).
        case busy
    }

    /// A record still unanswered after this long belongs to a request that died with its
    /// instance: the next retry takes it over.
    static let abandonedAfter: TimeInterval = 120
    /// Kept this long, then purged: retries come within minutes, not days.
    static let keptFor: TimeInterval = 24 * 3600

    static func claim(user: UUID, key: String, fingerprint: String, app: Application, db: any Database)
        async throws -> Claim
    {
        let now = app.mentore.now()
        for _ in 0..<3 {
            // A plain read first: a waiting retry costs one SELECT, not a write transaction.
            guard
                let record = try await IdempotencyRecordModel.query(on: db).filter(\.$userID == user)
                    .filter(\.$key == key).first()
            else {
                let id = UUID()
                let inserted = try await db.writeTransaction { db in
                    let sql = db as! any SQLDatabase
                    return try await sql.insert(into: IdempotencyRecordModel.schema)
                        .columns("id", "user_id", "key", "request_hash", "created_at")
                        .values(SQLBind(id), SQLBind(user), SQLBind(key), SQLBind(fingerprint), SQLBind(now))
                        .ignoringConflicts(with: ["user_id", "key"]).returning("id").all()
                }
                if !inserted.isEmpty { return .run(id) }
                continue  // claimed by another request meanwhile: read its record
            }
            guard record.requestHash == fingerprint else { return .mismatch }
            if let status = record.statusCode { return .replay(status: status, body: record.responseBody ?? "") }
            guard now.timeIntervalSince(record.createdAt) > abandonedAfter else { return .busy }
            try await release(record.requireID(), db: db)
        }
        return .busy
    }

    static func complete(_ id: UUID, status: Int, body: String, db: any Database) async throws {
        try await db.writeTransaction { db in
            try await IdempotencyRecordModel.query(on: db).filter(\.$id == id)
                .set(\.$statusCode, to: status).set(\.$responseBody, to: body).update()
        }
    }

    /// Forgets a claim whose request failed, so that a retry runs it again.
    static func release(_ id: UUID, db: any Database) async throws {
        try await db.writeTransaction { db in
            try await IdempotencyRecordModel.query(on: db).filter(\.$id == id).filter(\.$statusCode == nil).delete()
        }
    }
}

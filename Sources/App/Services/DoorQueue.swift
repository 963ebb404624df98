import FluentKit
import Persistence
import SQLKit
import Vapor

/// Group commit for the door: the scans that arrive while a write transaction is running wait
/// for it and are then made together in the next one (`Door.scanAll`), so that a queue of
/// scanners costs a few transactions, not one each. A lone scan runs at once, alone.
///
/// Each scan's answer is the one it would have had alone and in arrival order. If a batch
/// fails as a whole (another app instance admitted one of its vouchers meanwhile, or any other
/// error), nothing of it is kept and its scans are made again one at a time, each with its own
/// answer or error.
actor DoorQueue {
    /// Scans a transaction takes at most (a larger offline sync goes whole, in one).
    static let batchSize = 64

    private struct Waiting {
        var scans: [Door.NoncedScan]
        var continuation: CheckedContinuation<[Result<Door.Answer, any Error>], Never>
    }

    private var waiting: [Waiting] = []
    /// Batches running now, and how many may.
    private var running = 0
    private var lanes: Int?

    /// Batches that may run at once: one on SQLite (one writer at a time anyway), two on
    /// PostgreSQL, where a batch's reads and inserts overlap another's and only the organizer's
    /// payable balance (booked last) makes them wait for each other.
    static func lanes(_ app: Application) -> Int {
        (app.db as? any SQLDatabase)?.dialect.name == "sqlite" ? 1 : 2
    }

    /// Makes the scans (in this order, together), answering each.
    func submit(_ scans: [Door.NoncedScan], app: Application) async -> [Result<Door.Answer, any Error>] {
        guard !scans.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            waiting.append(Waiting(scans: scans, continuation: continuation))
            lanes = lanes ?? Self.lanes(app)
            if running < lanes ?? 1 {
                running += 1
                Task { await drain(app) }
            }
        }
    }

    private func drain(_ app: Application) async {
        while !waiting.isEmpty {
            var batch: [Waiting] = []
            var count = 0
            while let next = waiting.first, batch.isEmpty || count + next.scans.count <= Self.batchSize {
                batch.append(waiting.removeFirst())
                count += next.scans.count
            }
            // The actor is free meanwhile: scans arriving now wait for the next batch.
            let results = await Self.run(batch.flatMap(\.scans), app: app)
            var offset = 0
            for item in batch {
                item.continuation.resume(returning: Array(results[offset..<offset + item.scans.count]))
                offset += item.scans.count
            }
        }
        running -= 1
    }

    /// A write transaction for a batch: on SQLite the door's own connection (`SQLiteWriter`).
    private static func transaction<T: Sendable>(
        _ app: Application, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if let writer = app.mentore.sqliteWriter {
            return try await writer.transaction(context: app.db.context, body)
        }
        return try await app.db.writeTransaction(body)
    }

    private static func run(_ scans: [Door.NoncedScan], app: Application) async -> [Result<Door.Answer, any Error>] {
        do {
            let results = try await transaction(app) { db in try await Door.scanAll(scans, app: app, in: db) }
            app.mentore.metrics.doorBatch(scans: scans.count, remade: false)
            return results
        } catch {
            guard scans.count > 1 else { return [.failure(error)] }
            app.mentore.metrics.doorBatch(scans: scans.count, remade: true)
            app.logger.debug("door batch made again one at a time", metadata: ["error": "\(error)"])
            var results: [Result<Door.Answer, any Error>] = []
            for scan in scans {
                do {
                    results += try await transaction(app) { db in
                        try await Door.scanAll([scan], app: app, in: db)
                    }
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }
}

// Issuing 10,000 vouchers for one paid contribution on SQLite: codes, voucher rows and the
// ledger's issue transaction (10,001 postings and balances), in one write transaction, as
// `Funding.markPaid` does it. Prints one JSON line: the median and each run, in seconds.
//
//     swift run -c release issue-bench [count] [runs]
import App
import Domain
import FluentKit
import Foundation
import Persistence
import Vapor

@main
struct IssueBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let count = arguments.first.flatMap(Int.init) ?? 10_000
        let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 3
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentore-issue-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let environment = Environment(name: "benchmark", arguments: ["issue-bench"])
        let app = try await Application.make(environment)
        app.logger.logLevel = .error
        try await configure(
            app,
            config: AppConfig(environment: [
                "DATABASE_URL": "sqlite:" + directory.appendingPathComponent("bench.sqlite").path, "MENTORE_ROOT": root,
                "MAIL_WORKER_INTERVAL": "0",
            ]))
        do {
            try await run(app, count: count, runs: runs)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func run(_ app: Application, count: Int, runs: Int) async throws {
        try await app.autoMigrate()

        let mentor = UserModel(
            email: "bench@mentore.test", passwordHash: "-", displayName: "Bench", language: "it", isMentor: true)
        try await mentor.create(on: app.db)
        let fund = FundModel(
            currency: .eur, scope: .general, scopeID: nil, isPublic: false, isOpen: true, originalLanguage: "it")
        try await fund.create(on: app.db)

        var seconds: [Double] = []
        for run in 1...runs {
            let contribution = ContributionModel()
            contribution.number = run
            contribution.$mentor.id = try mentor.requireID()
            contribution.$fund.id = try fund.requireID()
            contribution.kind = .places
            contribution.places = count
            contribution.unitPriceMinor = 4000
            contribution.amountMinor = 4000 * count
            contribution.currency = .eur
            contribution.provider = "demo"
            contribution.status = .paid
            contribution.idempotencyKey = "bench-\(run)"
            contribution.requestHash = "-"
            contribution.paymentReference = "BENCH-\(run)"
            contribution.anonymous = true
            contribution.unusedRule = .reallocate
            contribution.language = "it"
            try await contribution.create(on: app.db)
            // The fund holds the payment, as after `markPaid`'s payment booking.
            _ = try await app.db.writeTransaction { db in
                try await LedgerStore.post(
                    Bookings.payment(
                        contribution.amount, provider: "demo", fund: fund.requireID(),
                        contribution: contribution.requireID()), at: Date(), on: db)
            }
            let start = ContinuousClock.now
            try await app.db.writeTransaction { db in
                try await Funding.issueVouchers(for: contribution, fund: fund, app: app, on: db)
            }
            let elapsed = ContinuousClock.now - start
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        let issued: Int = try await VoucherModel.query(on: app.db).count()
        let breaches = try await LedgerStore.check(on: app.db)
        try await app.asyncShutdown()
        guard issued == count * runs, breaches.isEmpty else {
            FileHandle.standardError.write(Data("issued \(issued), ledger breaches: \(breaches)\n".utf8))
            exit(1)
        }
        let median = seconds.sorted()[seconds.count / 2]
        let each = seconds.map { String(format: "%.3f", $0) }.joined(separator: ",")
        print(
            "{\"vouchers\":\(count),\"runs\":\(runs),\"median_s\":\(String(format: "%.3f", median)),\"each_s\":[\(each)]}"
        )
    }
}

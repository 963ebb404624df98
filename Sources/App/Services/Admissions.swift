import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import Vapor

/// The one way to admit a holder (ARCHITECTURE §3): the API, the scanner page, the offline sync
/// and `mentore door admit` all submit scans here, and they go through this instance's group
/// commit (`DoorQueue` → `Door.scanAll` → `decideAll` → `admitAll`) with the same checks: who
/// scans where, the session's day, a usable voucher, its reservation and (strict order) the
/// earlier steps.
enum Admissions {
    /// Makes the scans (in this order, with any others arriving meanwhile), answering each.
    static func admit(_ scans: [Door.NoncedScan], app: Application) async -> [Result<Door.Answer, any Error>] {
        await app.mentore.doorQueue.submit(scans, app: app)
    }

    /// Decides and makes many scans inside the caller's write transaction, in order, in a fixed
    /// number of statements (`admitAll`): the sessions, the vouchers named (by code or
    /// verified token) with their holders and journeys are read once for all. Refusals come from
    /// checks made before anything is written, so answering them leaves nothing half done.
    static func decideAll(_ scans: [Door.Scan], app: Application, in db: any Database) async throws
        -> [Door.Decision]
    {
        let now = app.mentore.now()
        let sessionsByID = try await JourneyStore.sessions(Set(scans.map(\.sessionID)), on: db)
        // What each scan names: a code, a voucher (by its verified token), or why neither.
        enum Named {
            case code(String)
            case voucher(UUID)
            case refused(DomainError.Code)
        }
        var named: [Named] = []
        // The tokens' key, read once for the batch (none made yet: every token is unknown).
        let key =
            scans.contains { Door.trimmed($0.input).hasPrefix("#t=") }
            ? try await DoorTokens.existingPublicKey(on: db) : nil
        for scan in scans {
            guard let session = sessionsByID[scan.sessionID] else {
                named.append(.refused(.notFound))
                continue
            }
            guard scan.scanner.organizers.contains(session.event.$organizer.id) else {
                named.append(.refused(.wrongOrganizer))
                continue
            }
            let input = Door.trimmed(scan.input)
            if input.hasPrefix("#t=") {
                do {
                    let token = try DoorTokens.verify(input, at: scan.scannedAt ?? now, key: key)
                    named.append(.voucher(token.voucherID))
                } catch let error as DomainError {
                    named.append(.refused(error.code))
                }
                continue
            }
            do throws(VoucherCode.ReadError) {
                named.append(.code(try VoucherCode(reading: Door.voucherCode(in: input)).canonical))
            } catch .checkFailed {
                named.append(.refused(.voucherTypo))
            } catch {
                named.append(.refused(.voucherMalformed))
            }
        }
        var codes: Set<String> = []
        var ids: Set<UUID> = []
        for name in named {
            switch name {
            case .code(let code): codes.insert(code)
            case .voucher(let id): ids.insert(id)
            case .refused: break
            }
        }
        let found = try await JourneyStore.vouchers(codes: codes, ids: ids, on: db)
        // One model per voucher: the batch updates its state as it decides.
        let vouchers = Dictionary(found.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let byCode = Dictionary(vouchers.values.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let journeys = try await Journeys.loadAll(Array(vouchers.values), on: db)

        var decisions: [Door.Decision?] = Array(repeating: nil, count: scans.count)
        var requests: [(index: Int, request: AdmissionRequest, holder: String?)] = []
        for (index, scan) in scans.enumerated() {
            let voucher: VoucherModel?
            switch named[index] {
            case .refused(let code):
                decisions[index] = Door.Decision(outcome: .refused(DomainError(code)), holder: nil)
                continue
            case .code(let code): voucher = byCode[code]
            case .voucher(let id): voucher = vouchers[id]
            }
            guard let voucher, let voucherID = voucher.id, let session = sessionsByID[scan.sessionID] else {
                decisions[index] = Door.Decision(outcome: .refused(DomainError(.voucherUnknown)), holder: nil)
                continue
            }
            let holder = voucher.beneficiary?.name
            if !Door.isToday(session, now: scan.scannedAt ?? now) {
                // A repeated scan still says when it was used; anything else waits for the day.
                if let journey = journeys[voucherID], let first = Journeys.admission(journey, session: session) {
                    decisions[index] = Door.Decision(outcome: .alreadyUsed(first), holder: holder)
                } else {
                    decisions[index] = Door.Decision(outcome: .refused(DomainError(.sessionNotToday)), holder: nil)
                }
                continue
            }
            requests.append(
                (
                    index,
                    AdmissionRequest(
                        voucherID: voucherID, session: session, actor: scan.scanner.actor, door: scan.scanner.door,
                        deviceID: scan.scanner.deviceID, scannedAt: scan.scannedAt), holder
                ))
        }
        let admissions = try await admitAll(requests.map(\.request), journeys: journeys, app: app, in: db)
        for (made, admission) in zip(requests, admissions) {
            switch admission {
            case .success(.admitted(let redemption, let certificate)):
                decisions[made.index] = Door.Decision(
                    outcome: .admitted(redemption, certificate: certificate), holder: made.holder)
            case .success(.alreadyUsed(let first)):
                decisions[made.index] = Door.Decision(outcome: .alreadyUsed(first), holder: made.holder)
            case .failure(let error):
                decisions[made.index] = Door.Decision(outcome: .refused(DomainError(error.code)), holder: nil)
            }
        }
        return decisions.map { $0! }
    }

    enum Admission {
        case admitted(RedemptionModel, certificate: CertificateModel?)
        /// This step was admitted before: the first admission.
        case alreadyUsed(RedemptionModel)
    }

    /// One admission asked for: a voucher whose journey the caller has loaded, at a session
    /// whose event is loaded.
    struct AdmissionRequest: Sendable {
        var voucherID: UUID
        var session: EventSessionModel
        var actor: String
        var door: String?
        var deviceID: UUID?
        /// When a device scanned it (offline, synced later): validity is judged then.
        var scannedAt: Date?
    }

    /// Of a batch of admissions, one was taken meanwhile by another app instance (PostgreSQL):
    /// nothing of the batch is kept, and the caller runs them one at a time.
    struct BatchConflict: Error {}

    /// Admits many holders in one write transaction, in order, in a fixed number of statements
    /// (the door's group commit): each request is decided as if the ones before it had been
    /// made alone (a second scan of a voucher in the same batch is *already used*, a later step
    /// sees the earlier one attended), then the admissions, the vouchers' states, the ledger's
    /// bookings and any certificates are written together. A refusal is that request's answer
    /// and writes nothing. `journeys` holds the journeys of the requests' vouchers (one voucher
    /// model each: the batch updates their states as it decides).
    static func admitAll(
        _ requests: [AdmissionRequest], journeys: [UUID: Journey], app: Application, in db: any Database
    ) async throws -> [Result<Admission, DomainError>] {
        let now = app.mentore.now()
        var journeys = journeys
        var balances = try await LedgerStore.balances(
            Set(requests.map(\.voucherID)).compactMap { id in
                journeys[id].map { (LedgerAccount.voucher(id.uuidString), $0.voucher.currency) }
            }, on: db)
        struct Planned {
            var index: Int
            var redemption: RedemptionModel
            /// Every step attended: the voucher is completed, what is left of it goes back.
            var completes: Bool
            var left: Int
            var certificate: Bool
        }
        var results: [Result<Admission, DomainError>?] = Array(repeating: nil, count: requests.count)
        var planned: [Planned] = []
        for (index, request) in requests.enumerated() {
            guard var journey = journeys[request.voucherID] else {
                results[index] = .failure(DomainError(.notForVoucher))
                continue
            }
            let session = request.session
            if let first = Journeys.admission(journey, session: session) {
                results[index] = .success(.alreadyUsed(first))
                continue
            }
            let step: CircuitPlan.Step
            let reservation: ReservationModel
            do throws(DomainError) {
                // Validity is judged when the voucher was scanned (a device offline syncs later).
                (step, reservation) = try Journeys.checkAdmission(
                    journey, session: session, now: request.scannedAt ?? now)
            } catch {
                results[index] = .failure(error)
                continue
            }
            let voucher = journey.voucher
            let price = step.options.first { $0.event == session.$event.id }?.price ?? voucher.value
            let account = LedgerAccount.voucher(request.voucherID.uuidString)
            let balance = balances[account]?[voucher.currency] ?? 0
            let amount = min(price.minor, balance)
            balances[account]?[voucher.currency] = balance - amount
            let redemption = RedemptionModel()
            redemption.id = UUID.timeOrdered()
            redemption.$voucher.id = request.voucherID
            redemption.$session.id = try session.requireID()
            redemption.$session.value = session
            redemption.$event.id = session.$event.id
            redemption.slot = reservation.slot
            redemption.activeSlot = reservation.slot
            redemption.amountMinor = amount
            redemption.currency = voucher.currency
            redemption.$organizer.id = session.event.$organizer.id
            redemption.admittedBy = request.actor
            redemption.admittedAt = now
            redemption.door = request.door
            redemption.deviceID = request.deviceID
            redemption.scannedAt = request.scannedAt
            journey.redemptions.append(redemption)
            let progress = journey.progress
            let completes = progress.attended.isSuperset(of: journey.plan.steps.map(\.id))
            // What the next request for this voucher in the batch sees.
            voucher.status = completes ? .completed : .inUse
            journeys[request.voucherID] = journey
            planned.append(
                Planned(
                    index: index, redemption: redemption, completes: completes, left: balance - amount,
                    certificate: journey.version != nil && journey.plan.isComplete(progress)))
        }
        guard !planned.isEmpty else { return results.map { $0! } }

        let inserted = try await JourneyStore.insertAdmissions(planned.map(\.redemption), on: db)
        if inserted != planned.count {
            guard planned.count == 1, let only = planned.first else { throw BatchConflict() }
            // Another admission of this step committed first (another app instance): answer with
            // it, here and wherever this batch named the one it could not make.
            let first = try await RedemptionModel.query(on: db).filter(\.$voucher.$id == only.redemption.$voucher.id)
                .filter(\.$activeSlot == only.redemption.slot).with(\.$session).first()
            let answer: Result<Admission, DomainError> =
                first.map { .success(.alreadyUsed($0)) } ?? .failure(DomainError(.notFound))
            for index in results.indices {
                if index == only.index {
                    results[index] = answer
                } else if case .success(.alreadyUsed(let named)) = results[index], named === only.redemption {
                    results[index] = answer
                }
            }
            return results.map { $0! }
        }

        try await VoucherStore.transition(
            Set(planned.filter { !$0.completes }.map(\.redemption.$voucher.id)),
            VoucherLifecycle.admission(completes: false), at: now, on: db)
        let completed = try await VoucherStore.transition(
            Set(planned.filter(\.completes).map(\.redemption.$voucher.id)), VoucherLifecycle.admission(completes: true),
            at: now, on: db)

        var bookings: [Booking] = []
        for item in planned where item.redemption.amountMinor > 0 {
            let r = item.redemption
            bookings.append(
                Bookings.redemption(
                    r.amount, voucher: r.$voucher.id, organizer: r.$organizer.id, admission: try r.requireID()))
        }
        for item in planned where item.completes && item.left > 0 && completed.contains(item.redemption.$voucher.id) {
            let r = item.redemption
            guard let fund = journeys[r.$voucher.id]?.voucher.$fund.id else { continue }
            // Named by the admission that completed it: undone with it (`Door.void`).
            bookings.append(
                Bookings.completion(
                    Money(minor: item.left, currency: r.currency), voucher: r.$voucher.id, fund: fund,
                    admission: try r.requireID()))
        }
        try await LedgerStore.post(bookings, at: now, on: db)

        for item in planned {
            var certificate: CertificateModel?
            if item.certificate, let journey = journeys[item.redemption.$voucher.id] {
                certificate = try await Certificates.issue(
                    journey.voucher, redemptions: journey.redemptions, now: now, on: db)
            }
            results[item.index] = .success(.admitted(item.redemption, certificate: certificate))
        }
        return results.map { $0! }
    }
}

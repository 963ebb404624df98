/// A rule broken by input or by the state of the system.
///
/// `code` is stable: the edge maps it to an HTTP status and to the localized
/// message `error-<code>` in `Locales/`. `field` names the offending input, if any.
public struct DomainError: Error, Hashable, Sendable {
    public enum Code: String, Sendable, CaseIterable {
        case required
        case tooLong = "too-long"
        /// A line break or another control character where one line of text is expected.
        case controlCharacter = "control-character"
        case tooShort = "too-short"
        case invalidEmail = "invalid-email"
        case invalidValue = "invalid-value"
        case invalidDate = "invalid-date"
        case endBeforeStart = "end-before-start"
        case negative
        case emailTaken = "email-taken"
        case slugTaken = "slug-taken"
        case wrongCredentials = "wrong-credentials"
        case rateLimited = "rate-limited"
        case tokenInvalid = "token-invalid"
        case notFound = "not-found"
        case forbidden
        case unauthenticated
        case csrf
        case conflict
        case passwordMismatch = "password-mismatch"
        case unknownTimeZone = "unknown-time-zone"
        case unknownCurrency = "unknown-currency"
        case alreadyMember = "already-member"
        case lastManager = "last-manager"
        /// A partner's last coordinator cannot be removed.
        case lastCoordinator = "last-coordinator"
        case fundClosed = "fund-closed"
        case currencyMismatch = "currency-mismatch"
        case amountTooLarge = "amount-too-large"
        case amountTooSmall = "amount-too-small"
        case tooManyPlaces = "too-many-places"
        /// The same idempotency key was sent with a different request.
        case idempotencyMismatch = "idempotency-mismatch"
        /// A received transfer does not match what the contribution asked for.
        case amountMismatch = "amount-mismatch"
        case paymentUnavailable = "payment-unavailable"
        /// Well-formed, checks out, but no voucher has this code.
        case voucherUnknown = "voucher-unknown"
        /// The check character does not match: a typing mistake.
        case voucherTypo = "voucher-typo"
        /// Not the shape of a voucher code at all.
        case voucherMalformed = "voucher-malformed"
        /// The voucher was already given to someone (or is not this partner's to give).
        case voucherTaken = "voucher-taken"
        /// The voucher is in use or finished: it can no longer be taken back.
        case voucherInUse = "voucher-in-use"
        /// The payment provider could not be reached or refused the request: nothing was charged.
        case providerUnreachable = "provider-unreachable"
        /// A webhook's signature is missing, wrong or too old.
        case signatureInvalid = "signature-invalid"
        /// A refund was asked for, but nothing of the contribution is unspent.
        case nothingToRefund = "nothing-to-refund"
        /// Another refund of the contribution is under way (its provider has not answered yet).
        case refundUnderWay = "refund-under-way"
        /// A CSV file whose quotes do not close or enclose text after them.
        case csvMalformed = "csv-malformed"
        /// A CSV file with no rows of data.
        case csvEmpty = "csv-empty"
        /// A column name the CSV format does not know, or one given twice.
        case csvHeader = "csv-header"
        /// More rows than one upload may hold.
        case csvTooLarge = "csv-too-large"
        /// A row with more or fewer fields than the header.
        case csvColumns = "csv-columns"
        /// The same person twice in one upload.
        case duplicateRow = "duplicate-row"
        /// Fewer unused vouchers than people to nominate.
        case notEnoughVouchers = "not-enough-vouchers"
        /// Every voucher of the contribution is already with a partner, or used.
        case nothingToAllocate = "nothing-to-allocate"
        /// A user already has as many API tokens as one may hold.
        case tooManyTokens = "too-many-tokens"
        /// A write to the API without an `Idempotency-Key` header, or with a malformed one.
        case idempotencyKeyRequired = "idempotency-key-required"
        /// A request with this `Idempotency-Key` is still being answered.
        case idempotencyInProgress = "idempotency-in-progress"
        /// An API path that exists, asked with a method it does not have.
        case methodNotAllowed = "method-not-allowed"
        /// An API request with a query parameter the operation does not take (a typo, usually).
        case unknownParameter = "unknown-parameter"
        /// A circuit to publish has no steps.
        case circuitNoSteps = "circuit-no-steps"
        /// A circuit step offers no event with a session still to come.
        case stepWithoutSession = "step-without-session"
        /// "N of M steps" with N larger than the steps (or below one).
        case completionTooLarge = "completion-too-large"
        /// The event is not one of the circuit's steps.
        case notInCircuit = "not-in-circuit"
        /// That step was already attended.
        case stepDone = "step-done"
        /// A session is already reserved for that step.
        case stepReserved = "step-reserved"
        /// An earlier step (strict order) is neither attended nor reserved before this one.
        case prerequisiteMissing = "prerequisite-missing"
        /// Every seat of the session is reserved.
        case sessionFull = "session-full"
        /// The session has begun, or its reservations closed (the cut-off before it).
        case reservationClosed = "reservation-closed"
        /// The session's event is not what the voucher pays for.
        case notForVoucher = "not-for-voucher"
        /// The voucher was not (or no longer) given to anyone: a withdrawn nomination.
        case voucherNotNominated = "voucher-not-nominated"
        case voucherExpired = "voucher-expired"
        case voucherCancelled = "voucher-cancelled"
        /// Every step it pays for was attended.
        case voucherCompleted = "voucher-completed"
        /// The session falls outside the circuit's window of validity or after the voucher expires.
        case outsideValidity = "outside-validity"
        /// A later step's reservation depends on this one (strict order).
        case reservationNeeded = "reservation-needed"
        /// Admission without a reservation for that session.
        case reservationMissing = "reservation-missing"
        /// This step of this voucher was already admitted.
        case alreadyRedeemed = "already-redeemed"
        /// No certificate has that code.
        case certificateUnknown = "certificate-unknown"
        /// The door: a session of another organizer than the scanner's.
        case wrongOrganizer = "wrong-organizer"
        /// The door: admissions are for today's sessions only.
        case sessionNotToday = "session-not-today"
        /// An admission is undone only within 15 minutes.
        case voidTooLate = "void-too-late"
        /// Undoing the admission would take back value its fund has spent since.
        case voidNotPossible = "void-not-possible"
        /// A scan's nonce was used before with a different request.
        case nonceReused = "nonce-reused"
        /// A device token that is unknown or revoked.
        case deviceUnknown = "device-unknown"
        /// A session that people reserved or attended cannot be deleted.
        case sessionHasReservations = "session-has-reservations"
        /// A settlement's period has not ended yet (its redemptions may still change).
        case periodOpen = "period-open"
        /// A settlement's period is longer than a year.
        case periodTooLong = "period-too-long"
        /// The organizer already has a settlement for part of this period.
        case settlementOverlaps = "settlement-overlaps"
        /// Nothing to settle: no unsettled admission and no void to carry in the period.
        case settlementEmpty = "settlement-empty"
        /// A signed door token that is not one (bad characters, length or version).
        case tokenMalformed = "token-malformed"
        /// A signed door token from a key the platform does not know.
        case tokenUnknownKey = "token-unknown-key"
        /// A signed door token whose signature does not match: altered or forged.
        case tokenTampered = "token-tampered"
        case tokenExpired = "token-expired"
        case tokenNotYetValid = "token-not-yet-valid"
        /// A scan's time that is in the future or too long ago.
        case scanTimeInvalid = "scan-time-invalid"
        /// A session that would start at a time already past.
        case inThePast = "in-the-past"
        /// A capacity below the places already reserved.
        case capacityBelowReserved = "capacity-below-reserved"
        /// A session that has begun (or ended) and can no longer be changed or cancelled.
        case sessionStarted = "session-started"
        /// A session that was cancelled: it takes no reservations and no changes.
        case sessionCancelled = "session-cancelled"
    }

    public var code: Code
    public var field: String?

    public init(_ code: Code, field: String? = nil) {
        self.code = code
        self.field = field
    }
}

/// Several field errors found in one form, reported together.
public struct ValidationErrors: Error, Sendable, Equatable {
    public var errors: [DomainError]

    public init(_ errors: [DomainError]) {
        self.errors = errors
    }

    /// The first error for a field, so a form can show it beside the input.
    public func first(for field: String) -> DomainError? {
        errors.first { $0.field == field }
    }
}

/// Collects field errors; `finish()` throws them all at once.
public struct Validator: Sendable {
    public private(set) var errors: [DomainError] = []

    public init() {}

    public mutating func add(_ code: DomainError.Code, field: String) {
        guard !errors.contains(where: { $0.field == field }) else { return }
        errors.append(DomainError(code, field: field))
    }

    /// Trims the value and records `required`, `too-long` or `control-character` problems.
    ///
    /// A single-line field (the default: names, labels, references, anything that may reach a
    /// mail header or a CSV cell) refuses every control character, line breaks included; a
    /// `multiline` one (descriptions, notes) keeps line breaks and tabs and refuses the rest.
    @discardableResult
    public mutating func text(
        _ value: String?, field: String, required: Bool = true, max: Int = 200, multiline: Bool = false
    ) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty, required {
            add(.required, field: field)
        } else if trimmed.count > max {
            add(.tooLong, field: field)
        } else if Self.hasControlCharacters(trimmed, multiline: multiline) {
            add(.controlCharacter, field: field)
        }
        return trimmed
    }

    /// Whether `text` holds a control character (C0, DEL, C1) or a line or paragraph separator;
    /// `multiline` text may hold line breaks and tabs.
    public static func hasControlCharacters(_ text: String, multiline: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    public func finish() throws(ValidationErrors) {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}

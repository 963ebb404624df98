import FluentKit

/// Every migration of the platform, in order. Append-only: a shipped migration is never edited.
public enum Migrations {
    public static let all: [any Migration] = [
        M001CreateAccounts(),
        M002CreateOrganizations(),
        M003CreateCatalog(),
        M004CreateOperations(),
        M005ContentLanguages(),
        M006Funding(),
        M007Nominations(),
        M008Payments(),
        M009WaitingLists(),
        M010APIAccess(),
        M011Circuits(),
        M012CircuitPlaces(),
        M013Journeys(),
        M014Door(),
        M015Settlements(),
        M016ScanTimes(),
        M017DoorConflicts(),
        M018CertificateWithdrawals(),
        M019AccountSafety(),
        M020RefundReservations(),
        M021OutboxBeneficiaries(),
        M023OrganizerProgramme(),
    ]

    /// Migrations of the sessions table, which Fluent's own migration (`SessionRecord.migration`,
    /// registered after `all`) creates: they run after it.
    public static let sessions: [any Migration] = [
        M022SessionTimes()
    ]
}

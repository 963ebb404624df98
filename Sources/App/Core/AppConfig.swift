import Foundation

/// Every environment variable the platform reads, read once at boot, with safe local defaults.
///
/// The README's configuration table lists the same names; keep them together.
public struct AppConfig: Sendable {
    public enum DatabaseTarget: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public enum MailTransportKind: String, Sendable {
        case file
        case smtp
    }

    public var database: DatabaseTarget
    /// PostgreSQL connections per event loop (each instance opens this × its cores).
    public var databasePoolSize: Int
    /// How long a query waits for a free pooled connection before failing, in seconds.
    public var databasePoolTimeout: Int
    /// The public address of the site, used in links sent by e-mail.
    public var siteURL: String
    public var cookieSecure: Bool
    public var bcryptCost: Int
    public var mailTransport: MailTransportKind
    public var mailDirectory: String
    public var mailFrom: String
    public var smtpHost: String
    public var smtpPort: Int
    public var smtpStartTLS: Bool
    public var smtpUsername: String?
    public var smtpPassword: String?
    /// A PEM file of extra certificates to trust for STARTTLS (a private mail relay's own CA).
    public var smtpCAFile: String?
    /// Seconds one SMTP delivery may take before it is abandoned and retried later.
    public var smtpTimeout: Int
    /// Seconds between two runs of the outbox worker; 0 disables the worker (tests drive it by hand).
    public var mailWorkerInterval: Double
    /// Seconds between two runs of the voucher expiry job; 0 disables it (`mentore vouchers expire`).
    public var voucherExpiryInterval: Double
    /// Seconds between two purges of transient rows; 0 disables it (`mentore purge`).
    public var purgeInterval: Double
    public var localesDirectory: String
    public var viewsDirectory: String
    public var publicDirectory: String
    /// The OpenAPI document of `/api/v1`, served as it is.
    public var openAPIFile: String
    /// Failed log-ins of an account, within `loginWindowSeconds`, before each further attempt
    /// waits (1, 2, 4 … seconds); failed log-ins per client address before it is refused.
    public var loginLimitPerAccount: Int
    public var loginLimitPerAddress: Int
    public var loginWindowSeconds: Double
    /// Sign-ups and reset requests per client address, and e-mails of either kind per recipient,
    /// within `loginWindowSeconds`.
    public var accountMailLimitPerAddress: Int
    public var accountMailLimitPerEmail: Int
    /// Failed log-ins, and sign-ups and reset requests, of all clients together within the window
    /// (each kind counted apart): a flood from many addresses stops here.
    public var authLimitTotal: Int
    /// Threads that hash passwords (bcrypt), apart from the database's.
    public var passwordHashThreads: Int
    /// The reverse proxies whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`).
    var trustedProxies: TrustedProxies
    /// Payment providers mentors may choose: `bank-transfer` always; `demo` only when listed
    /// in `PAYMENT_PROVIDERS` (it pays without money and says so everywhere).
    public var paymentProviders: [String]
    /// The largest contribution accepted, in major units of the fund's currency.
    public var contributionCeiling: Int
    /// How long a voucher stays valid after it is issued.
    public var voucherValidityDays: Int
    /// Hours before a session when its reservations close: no new ones, no changes.
    public var reservationCutoffHours: Int
    /// How old a scan a device kept offline may be when it is sent (`DOOR_SCAN_MAX_AGE_HOURS`).
    public var doorScanMaximumAge: TimeInterval
    /// Where mentors send bank transfers.
    public var bankAccountHolder: String
    public var bankIBAN: String
    public var bankBIC: String
    /// Stripe: the secret API key, the webhook endpoint's signing secret, and the API's address
    /// (tests point it at a local server that speaks Stripe's documented shapes).
    public var stripeSecretKey: String?
    /// The bearer token `/metrics` asks for (`METRICS_TOKEN`); without one, `/metrics` is not
    /// served: request counts and routes are not for the public.
    public var metricsToken: String?
    public var stripeWebhookSecret: String?
    public var stripeAPIBase: String

    public static let knownPaymentProviders = ["bank-transfer", "stripe", "demo"]

    public struct Invalid: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String {
            "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads `environment`; every problem found is reported at once.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                problems.append("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound)")
                return fallback
            }
            return number
        }
        func flag(_ name: String, default fallback: Bool) -> Bool {
            guard let text = value(name)?.lowercased() else { return fallback }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name) must be true or false")
                return fallback
            }
        }

        let root = value("MENTORE_ROOT") ?? FileManager.default.currentDirectoryPath
        switch value("DATABASE_URL") {
        case nil:
            database = .sqlite(path: root + "/data/mentore.sqlite")
        case let url? where url.hasPrefix("sqlite:"):
            let path = String(url.dropFirst("sqlite:".count)).replacingOccurrences(of: "//", with: "")
            database = .sqlite(path: path.isEmpty ? root + "/data/mentore.sqlite" : path)
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            database = .postgres(url: url)
        case let url?:
            problems.append("DATABASE_URL must start with sqlite: or postgres:// (got \(url.prefix(12))…)")
            database = .sqlite(path: root + "/data/mentore.sqlite")
        }
        databasePoolSize = integer("DATABASE_POOL_SIZE", default: 4, range: 1...64)
        databasePoolTimeout = integer("DATABASE_POOL_TIMEOUT", default: 10, range: 1...600)
        siteURL = (value("SITE_URL") ?? "http://127.0.0.1:8080").trimmingCharacters(in: ["/"])
        if URL(string: siteURL)?.scheme == nil { problems.append("SITE_URL must be an absolute URL") }
        cookieSecure = flag("COOKIE_SECURE", default: siteURL.hasPrefix("https://"))
        bcryptCost = integer("BCRYPT_COST", default: 12, range: 4...31)
        switch value("MAIL_TRANSPORT") ?? "file" {
        case "file": mailTransport = .file
        case "smtp": mailTransport = .smtp
        default:
            problems.append("MAIL_TRANSPORT must be file or smtp")
            mailTransport = .file
        }
        mailDirectory = value("MAIL_DIR") ?? root + "/data/mail"
        mailFrom = value("MAIL_FROM") ?? "Mentore <no-reply@mentore.test>"
        smtpHost = value("SMTP_HOST") ?? "127.0.0.1"
        smtpPort = integer("SMTP_PORT", default: 25, range: 1...65535)
        smtpStartTLS = flag("SMTP_STARTTLS", default: false)
        smtpUsername = value("SMTP_USERNAME")
        smtpPassword = value("SMTP_PASSWORD")
        smtpCAFile = value("SMTP_CA_FILE")
        smtpTimeout = integer("SMTP_TIMEOUT", default: 30, range: 1...600)
        if let file = smtpCAFile, !FileManager.default.fileExists(atPath: file) {
            problems.append("SMTP_CA_FILE names a file that does not exist")
        }
        if (smtpUsername == nil) != (smtpPassword == nil) {
            problems.append("SMTP_USERNAME and SMTP_PASSWORD go together")
        }
        mailWorkerInterval = Double(integer("MAIL_WORKER_INTERVAL", default: 5, range: 0...3600))
        voucherExpiryInterval = Double(integer("VOUCHER_EXPIRY_INTERVAL", default: 3600, range: 0...86400))
        purgeInterval = Double(integer("PURGE_INTERVAL", default: 3600, range: 0...86400))
        localesDirectory = root + "/Locales"
        viewsDirectory = root + "/Resources/Views/"
        publicDirectory = root + "/Resources/Public/"
        openAPIFile = root + "/Resources/OpenAPI/openapi.json"
        loginLimitPerAccount = integer("LOGIN_LIMIT_ACCOUNT", default: 5, range: 1...1000)
        loginLimitPerAddress = integer("LOGIN_LIMIT_ADDRESS", default: 30, range: 1...100_000)
        loginWindowSeconds = Double(integer("LOGIN_WINDOW_SECONDS", default: 900, range: 1...86400))
        accountMailLimitPerAddress = integer("ACCOUNT_MAIL_LIMIT_ADDRESS", default: 10, range: 1...100_000)
        accountMailLimitPerEmail = integer("ACCOUNT_MAIL_LIMIT_EMAIL", default: 3, range: 1...1000)
        authLimitTotal = integer("AUTH_LIMIT_TOTAL", default: 1000, range: 1...10_000_000)
        passwordHashThreads = integer(
            "PASSWORD_HASH_THREADS", default: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), range: 1...64)
        if let list = value("TRUSTED_PROXIES") {
            if let proxies = TrustedProxies(parsing: list) {
                trustedProxies = proxies
            } else {
                problems.append("TRUSTED_PROXIES must list IP addresses or CIDR ranges, separated by commas")
                trustedProxies = TrustedProxies()
            }
        } else {
            trustedProxies = TrustedProxies()
        }
        paymentProviders = (value("PAYMENT_PROVIDERS") ?? "bank-transfer").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for provider in paymentProviders where !Self.knownPaymentProviders.contains(provider) {
            problems.append(
                "PAYMENT_PROVIDERS lists \(provider); known: \(Self.knownPaymentProviders.joined(separator: ", "))")
        }
        contributionCeiling = integer("CONTRIBUTION_CEILING", default: 10_000, range: 1...100_000_000)
        voucherValidityDays = integer("VOUCHER_VALIDITY_DAYS", default: 365, range: 1...3650)
        reservationCutoffHours = integer("RESERVATION_CUTOFF_HOURS", default: 24, range: 0...720)
        doorScanMaximumAge = Double(integer("DOOR_SCAN_MAX_AGE_HOURS", default: 24, range: 1...720)) * 3600
        bankAccountHolder = value("BANK_ACCOUNT_HOLDER") ?? "Mentore (demo)"
        bankIBAN = value("BANK_IBAN") ?? "IT60 X054 2811 1010 0000 0123 456"
        bankBIC = value("BANK_BIC") ?? "BPMOIT22XXX"
        stripeSecretKey = value("STRIPE_SECRET_KEY")
        metricsToken = value("METRICS_TOKEN")
        stripeWebhookSecret = value("STRIPE_WEBHOOK_SECRET")
        stripeAPIBase = (value("STRIPE_API_BASE") ?? "https://api.stripe.com").trimmingCharacters(in: ["/"])
        if paymentProviders.contains("stripe"), stripeSecretKey == nil || stripeWebhookSecret == nil {
            problems.append("PAYMENT_PROVIDERS lists stripe: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required")
        }
        if URL(string: stripeAPIBase)?.scheme == nil { problems.append("STRIPE_API_BASE must be an absolute URL") }
        if !problems.isEmpty { throw Invalid(problems: problems) }
    }
}

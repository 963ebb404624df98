import Fluent
import Foundation
import Localization
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor

@testable import App

@Suite("Mail through the outbox", .enabled(if: MailSink.available, "make test starts the SMTP server"))
struct MailTests {
    static func unique(_ name: String) -> String { "\(name)-\(UUID().uuidString.prefix(8).lowercased())@example.org" }

    @Test("a password reset goes out by SMTP in the user's language, and its link works once")
    func passwordReset() async throws {
        try await withApp { app async throws in
            let email = Self.unique("reset")
            let browser = TestBrowser(app, acceptLanguage: "sq")
            try await browser.signUp(email)
            _ = try await browser.post("/logout", [])

            let anonymous = TestBrowser(app, acceptLanguage: "en")
            _ = try await anonymous.get("/password/forgot")
            let sent = try await anonymous.post("/password/forgot", [("email", email)])
            #expect(sent.contains("an e-mail with the link is on its way"))
            let unknown = try await anonymous.post("/password/forgot", [("email", Self.unique("nobody"))])
            #expect(unknown.contains("an e-mail with the link is on its way"))
            // The sign-up's link and the reset's; nothing for the unknown address.
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 2)

            #expect(try await MailWorker(app: app).runOnce() == 2)
            let message = try #require(
                try MailSink.messages(to: email).first { $0.subject == "Rivendosni fjalëkalimin tuaj" })
            #expect(message.body.contains("Përshëndetje Drita"))
            let link = try #require(message.link(startingWith: "http://mentore.test/password/reset/"))
            let path = String(link.dropFirst("http://mentore.test".count))

            _ = try await anonymous.get(path)
            let short = try await anonymous.post(path, [("password", "short"), ("confirmation", "short")])
            #expect(short.status == .unprocessableEntity)
            let reset = try await anonymous.post(
                path, [("password", "a-brand-new-password"), ("confirmation", "a-brand-new-password")])
            #expect(reset.status == .seeOther)
            #expect(try await anonymous.get("/mentor").status == .ok)
            #expect(try await TestBrowser(app).get(path).status == .notFound)
            #expect(try await TestBrowser(app).login(email, password: "a-brand-new-password").status == .seeOther)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$status != .sent).count() == 0)
        }
    }

    @Test("a voucher e-mailed in Albanian arrives by SMTP with a QR attachment that decodes to it")
    func voucherByMail() async throws {
        try await withApp(seed: true) { app async throws in
            // The demo seed's receipts go out first.
            _ = try await MailWorker(app: app).runOnce()
            let voucher = try await NominationTests.doraVoucher(app)
            let recipient = Self.unique("drita")
            let browser = try await NominationTests.coordinator(app)
            let path = "/partner/\(NominationTests.dora)/vouchers/\(voucher.id!.uuidString.lowercased())/nominate"
            _ = try await browser.get(path)
            let done = try await browser.post(
                path, [("name", "Drita"), ("email", recipient), ("language", "sq"), ("delivery", "email")])
            #expect(done.status == .ok)
            #expect(try await MailWorker(app: app).runOnce() == 1)
            let message = try #require(try MailSink.messages(to: recipient).first)
            #expect(message.subject == "Vauçeri juaj Mentore")
            #expect(message.raw.contains("Content-Language: sq"))
            #expect(message.raw.contains("multipart/mixed"))
            let raw = message.raw.replacingOccurrences(of: "\n", with: "\r\n")
            let png = try #require(NominationTests.attachment(in: raw))
            if let zbarimg = VoucherTests.zbarimg {
                #expect(try NominationTests.decode(png, with: zbarimg) == "http://mentore.test/v/\(voucher.code)")
            }
        }
    }

    @Test("a coordinator invites a colleague who accepts; both steps are audited")
    func invitation() async throws {
        try await withApp(seed: true) { app async throws in
            let colleague = Self.unique("colleague")
            let coordinator = TestBrowser(app, acceptLanguage: "it")
            _ = try await coordinator.login("partner@mentore.test")
            let members = "/partner/\(DemoData.dora.uuidString.lowercased())"
            _ = try await coordinator.get(members + "/members")
            let bad = try await coordinator.post(members + "/invitations", [("email", "not-an-address")])
            #expect(bad.status == .unprocessableEntity)
            let invited = try await coordinator.post(members + "/invitations", [("email", colleague)])
            #expect(invited.status == .ok)
            try await MailWorker(app: app).runOnce()
            let message = try #require(try MailSink.messages(to: colleague).first)
            // The demo coordinator works in Albanian.
            #expect(message.subject.contains("Dora e Pajtimit"))
            let link = try #require(message.link(startingWith: "http://mentore.test/invitations/"))
            let path = String(link.dropFirst("http://mentore.test".count))

            let invitee = TestBrowser(app)
            #expect(try await invitee.get(path).status == .ok)
            try await invitee.signUp(colleague)
            _ = try await invitee.get(path)
            let accepted = try await invitee.post(path, [])
            #expect(accepted.status == .seeOther)
            #expect(try await invitee.get("/partner").status == .ok)
            #expect(try await invitee.post(path, []).status == .notFound)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$objectType == "partner").all().map(
                \.action)
            #expect(Set(actions) == ["invite", "join"])
        }
    }

    @Test("an organisation applies, an admin approves it, and the applicant becomes its manager")
    func organizerApplication() async throws {
        try await withApp(seed: true) { app async throws in
            let applicantEmail = Self.unique("applicant")
            let applicant = TestBrowser(app, acceptLanguage: "en")
            try await applicant.signUp(applicantEmail)
            _ = try await applicant.get("/organizers/apply")
            let invalid = try await applicant.post(
                "/organizers/apply",
                [("name", ""), ("city", "Pavia"), ("description", "x"), ("contactEmail", "x"), ("language", "xx")])
            #expect(invalid.status == .unprocessableEntity)
            let applied = try await applicant.post(
                "/organizers/apply",
                [
                    ("name", "Pavia Sviluppo"), ("city", "Pavia"), ("description", "Formazione."),
                    ("contactEmail", applicantEmail), ("language", "sq"),
                ])
            #expect(applied.status == .ok)
            let organizer = try #require(
                try await OrganizerModel.query(on: app.db).filter(\.$slug == "pavia-sviluppo").first())
            #expect(organizer.status == .pending)
            #expect(organizer.language == "sq", "its statements will be in Albanian")
            #expect(try await applicant.get("/organizer").status == .forbidden)

            let admin = TestBrowser(app)
            _ = try await admin.login("admin@mentore.test")
            _ = try await admin.get("/admin/organizers")
            let id = try organizer.requireID().uuidString.lowercased()
            #expect(try await admin.post("/admin/organizers/\(id)/approve", []).status == .seeOther)
            #expect(try await admin.post("/admin/organizers/\(id)/approve", []).status == .conflict)
            #expect(try await admin.post("/admin/organizers/\(id)/reject", []).status == .conflict)
            #expect(try await applicant.get("/organizer").status == .ok)
            try await MailWorker(app: app).runOnce()
            let message = try #require(
                try MailSink.messages(to: applicantEmail).first { $0.subject.contains("Pavia Sviluppo") })
            #expect(message.subject == "Pavia Sviluppo is now an organizer on Mentore")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "approve").first()
            #expect(audit?.actorEmail == "admin@mentore.test")
        }
    }
}

@Suite("Outbox delivery")
struct OutboxTests {
    /// Records deliveries; fails the first `failures` attempts.
    final class RecordingTransport: MailTransport {
        let sent = NIOLockedValueBox<[MailMessage]>([])
        let failures = NIOLockedValueBox<Int>(0)

        func send(_ message: MailMessage, date: Date) async throws {
            try await Task.sleep(for: .milliseconds(5))
            let fail = failures.withLockedValue { value -> Bool in
                guard value > 0 else { return false }
                value -= 1
                return true
            }
            if fail { throw SMTPMailTransport.SMTPError(expected: [250], reply: "451 try later") }
            sent.withLockedValue { $0.append(message) }
        }
    }

    @Test("two workers running at once deliver each message exactly once")
    func concurrentWorkers() async throws {
        let transport = RecordingTransport()
        try await withTwoApps(mailTransport: transport) { first, second in
            for n in 0..<20 {
                try await OutboxMessageModel(
                    recipient: "r\(n)@example.org", subject: "s", textBody: "b", language: "it", now: Date()
                )
                .create(on: first.db)
            }
            async let a = MailWorker(app: first).runOnce()
            async let b = MailWorker(app: second).runOnce()
            let total = try await a + b
            #expect(total == 20)
            #expect(transport.sent.withLockedValue { Set($0.map(\.to)).count } == 20)
            #expect(transport.sent.withLockedValue { $0.count } == 20)
        }
    }

    @Test("a failed delivery is retried later, not lost")
    func retries() async throws {
        let transport = RecordingTransport()
        transport.failures.withLockedValue { $0 = 1 }
        let (clock, now) = Fixtures.clock()
        try await withApp(now: now, mailTransport: transport) { app in
            try await OutboxMessageModel(
                recipient: "r@example.org", subject: "s", textBody: "b", language: "it",
                now: clock.withLockedValue { $0 }
            ).create(on: app.db)
            #expect(try await MailWorker(app: app).runOnce() == 0)
            let waiting = try #require(try await OutboxMessageModel.query(on: app.db).first())
            #expect(waiting.status == .pending)
            #expect(waiting.attempts == 1)
            #expect(waiting.lastError?.contains("451") == true)
            #expect(try await MailWorker(app: app).runOnce() == 0, "not due yet")
            clock.withLockedValue { $0 = $0.addingTimeInterval(3600) }
            #expect(try await MailWorker(app: app).runOnce() == 1)
            #expect(try await OutboxMessageModel.query(on: app.db).first()?.status == .sent)
        }
    }

    @Test("mail written in a transaction that rolls back is never sent")
    func rollback() async throws {
        try await withApp { app async throws in
            struct Boom: Error {}
            _ = try? await app.db.transaction { db async throws in
                try await Outbox.enqueue(
                    "email-reset", to: "x@example.org", language: "it", args: ["name": "X", "link": "L"], app: app,
                    on: db)
                throw Boom()
            }
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 0)
        }
    }

    @Test("messages are encoded for UTF-8 subjects and quoted-printable bodies")
    func encoding() {
        let message = MailMessage(
            from: "Mentore <no-reply@mentore.test>", to: "a@example.org", subject: "Ftesë për Shkodrën",
            text: "Përshëndetje,\n.a line starting with a dot\n" + String(repeating: "ë", count: 60), language: "sq",
            messageID: "x@mentore")
        let rendered = message.rendered(date: Date(timeIntervalSince1970: 0))
        #expect(rendered.contains("Subject: =?utf-8?B?"))
        #expect(rendered.contains("P=C3=ABrsh=C3=ABndetje"))
        #expect(rendered.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
    }

    @Test("a line break in a name, a subject or an address never starts a header of its own")
    func headerInjection() {
        let message = MailMessage(
            from: "Slow Mill\r\nBcc: victim@example.org <no-reply@mentore.test>",
            to: "a@example.org\r\nBcc: other@example.org",
            subject: "Invito per Slow Mill\r\nBcc: third@example.org", text: "Ciao", language: "it",
            messageID: "y@mentore")
        let rendered = message.rendered(date: Date(timeIntervalSince1970: 0))
        let headers = rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.lowercased().hasPrefix("bcc") }, "\(headers)")
        #expect(headers.contains { $0.hasPrefix("Subject: =?utf-8?B?") })
        #expect(headers.contains { $0.hasPrefix("From: =?utf-8?B?") })
        #expect(headers.filter { $0.hasPrefix("To: ") }.count == 1)
    }
}

@Suite(
    "Mail over STARTTLS with AUTH",
    .enabled(if: ProcessInfo.processInfo.environment["SMTP_TEST_TLS_PORT"] != nil, "make test starts the TLS listener"))
struct SecureSMTPTests {
    static let environment = ProcessInfo.processInfo.environment

    static func settings(password: String = "smtp-secret", trust: Bool = true, startTLS: Bool = true) -> [String:
        String]
    {
        var settings = [
            "SMTP_HOST": "localhost", "SMTP_PORT": environment["SMTP_TEST_TLS_PORT"] ?? "",
            "SMTP_STARTTLS": startTLS ? "true" : "false", "SMTP_USERNAME": "mentore", "SMTP_PASSWORD": password,
            // The test server leaves a failed AUTH unanswered; the client gives up after this.
            "SMTP_TIMEOUT": "3",
        ]
        if trust { settings["SMTP_CA_FILE"] = environment["SMTP_TEST_CA_FILE"] }
        return settings
    }

    /// Queues one message and runs the worker once; returns how many went out and the stored row.
    static func deliver(with settings: [String: String], to recipient: String) async throws -> (
        Int, OutboxMessageModel?
    ) {
        var result: (Int, OutboxMessageModel?) = (0, nil)
        try await withApp(environment: settings) { app async throws in
            try await app.db.transaction { db in
                try await Outbox.enqueue(
                    "email-reset", to: recipient, language: "it",
                    args: ["name": "Drita", "link": "http://mentore.test/x"],
                    app: app, on: db)
            }
            let sent = try await MailWorker(app: app).runOnce()
            result = (sent, try await OutboxMessageModel.query(on: app.db).first())
        }
        return result
    }

    @Test("mail goes out over STARTTLS after AUTH PLAIN")
    func delivered() async throws {
        let recipient = MailTests.unique("tls")
        let (sent, row) = try await Self.deliver(with: Self.settings(), to: recipient)
        #expect(sent == 1)
        #expect(row?.status == .sent)
        let message = try #require(try MailSink.messages(to: recipient).first)
        #expect(message.body.contains("Drita"))
    }

    @Test(
        "a wrong password, an untrusted certificate or a skipped STARTTLS fail and keep the message for a retry",
        arguments: [
            settings(password: "wrong"), settings(trust: false), settings(startTLS: false),
        ])
    func refused(settings: [String: String]) async throws {
        let recipient = MailTests.unique("refused")
        let (sent, row) = try await Self.deliver(with: settings, to: recipient)
        #expect(sent == 0)
        #expect(row?.status == .pending)
        #expect(row?.attempts == 1)
        #expect(row?.lastError != nil)
        #expect(try MailSink.messages(to: recipient).isEmpty)
    }
}

@Suite("E-mails in the pseudo-locale")
struct PseudoMailTests {
    @Test("every e-mail's words come from the catalogs (en-XA), whatever its kind")
    func everyEmailFromTheCatalogs() async throws {
        try await withApp { app async throws in
            let english = try #require(app.mentore.localizer.bundles["en"])
            let kinds = english.messages.keys.filter { $0.hasPrefix("email-") && $0.hasSuffix("-subject") }
                .map { String($0.dropLast("-subject".count)) }.sorted()
            #expect(kinds.count >= 4)
            for kind in kinds {
                var args: [String: FTLValue] = [:]
                for id in [kind + "-subject", kind + "-body"] {
                    let message = try #require(english.messages[id])
                    for name in CatalogLint.variables(of: message) { args[name] = .string("data") }
                }
                let recipient = "\(kind)@example.org"
                try await Outbox.enqueue(kind, to: recipient, language: "en-XA", args: args, app: app, on: app.db)
                let message = try #require(
                    try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == recipient).first())
                for text in [message.subject, message.textBody] {
                    // Placeable values are isolated (FSI…PDI); "-- " is the signature delimiter.
                    let words = text.replacing(#/\u{2068}[^\u{2069}]*\u{2069}/#, with: "")
                        .replacingOccurrences(of: "\n-- \n", with: "\n")
                    #expect(words.firstMatch(of: #/[A-Za-z]/#) == nil, "\(kind): \(words)")
                    #expect(text.contains("["))
                }
            }
        }
    }
}

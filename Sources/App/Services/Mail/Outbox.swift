import FluentKit
import Foundation
import Localization
import Persistence
import SQLKit
import Vapor

/// Writes mail into the outbox, in the recipient's language, inside the caller's transaction.
enum Outbox {
    /// Queues the message whose subject and body are `<key>-subject` and `<key>-body` in `Locales/*/emails.ftl`.
    /// `secret`: the message carries something that opens a door (a link that signs in or
    /// resets, a voucher code): its body and QR are emptied once it is delivered. `beneficiary`:
    /// the person the message is about, whose export and erasure reach it.
    static func enqueue(
        _ key: String, to recipient: String, language: String, args: [String: FTLValue], app: Application,
        on db: any Database, qr: String? = nil, secret: Bool = false, beneficiary: UUID? = nil
    ) async throws {
        let message = message(key, to: recipient, language: language, args: args, app: app, qr: qr, secret: secret)
        message.beneficiaryID = beneficiary
        try await message.create(on: db)
    }

    /// The message `enqueue` would queue, for a store to write with the change that sends it.
    static func message(
        _ key: String, to recipient: String, language: String, args: [String: FTLValue], app: Application,
        qr: String? = nil, secret: Bool = false
    ) -> OutboxMessageModel {
        let localizer = app.mentore.localizer
        let message = OutboxMessageModel(
            recipient: recipient, subject: localizer.t("\(key)-subject", args, in: language),
            textBody: localizer.t("\(key)-body", args, in: language) + "\n\n-- \n"
                + localizer.t("email-signature", [:], in: language),
            language: language, now: app.mentore.now())
        message.qrContent = qr
        message.holdsSecret = secret
        return message
    }
}

/// Delivers the outbox with retries. Several app instances may run it at once: each message is
/// claimed by a conditional UPDATE, so it goes out through one instance only.
struct MailWorker {
    static let maxAttempts = 8
    let app: Application

    /// Sends every message that is due; returns how many went out.
    @discardableResult
    func runOnce() async throws -> Int {
        let now = app.mentore.now()
        let due = try await OutboxMessageModel.query(on: app.db)
            .filter(\.$status == .pending).filter(\.$nextAttemptAt <= now)
            .group(.or) { $0.filter(\.$lockedUntil == nil).filter(\.$lockedUntil < now) }
            .sort(\.$createdAt).limit(20).all()
        var sent = 0
        for message in due {
            guard let id = message.id, try await claim(id, now: now) else { continue }
            var mail = MailMessage(
                from: app.mentore.config.mailFrom, to: message.recipient, subject: message.subject,
                text: message.textBody, language: message.language, messageID: "\(id.uuidString.lowercased())@mentore")
            if let content = message.qrContent, let code = QRCode(content) {
                mail.attachments = [.init(filename: "voucher-qr.png", contentType: "image/png", data: code.png())]
            }
            do {
                try await app.mentore.mailTransport.send(mail, date: now)
                var delivered = OutboxMessageModel.query(on: app.db).filter(\.$id == id)
                    .set(\.$status, to: .sent).set(\.$sentAt, to: app.mentore.now()).set(\.$lockedUntil, to: nil)
                if message.holdsSecret {
                    // Delivered: the copy kept here would only be a way in for whoever reads the table.
                    delivered = delivered.set(\.$textBody, to: "").set(\.$qrContent, to: nil)
                }
                try await delivered.update()
                app.mentore.metrics.mail("sent")
                sent += 1
            } catch {
                let attempts = message.attempts + 1
                let giveUp = attempts >= Self.maxAttempts
                let delay = min(3600, 30 * Double(1 << min(attempts, 10)))
                try await OutboxMessageModel.query(on: app.db).filter(\.$id == id)
                    .set(\.$status, to: giveUp ? .failed : .pending)
                    .set(\.$nextAttemptAt, to: now.addingTimeInterval(delay)).set(\.$lockedUntil, to: nil)
                    .set(\.$lastError, to: String(String(describing: error).prefix(500)))
                    .update()
                app.mentore.metrics.mail(giveUp ? "failed" : "retry")
                app.logger.warning("mail delivery failed", metadata: ["attempt": "\(attempts)", "outbox": "\(id)"])
            }
        }
        return sent
    }

    /// Takes the message for two minutes if nobody else holds it; true when this worker won.
    private func claim(_ id: UUID, now: Date) async throws -> Bool {
        guard let sql = app.db as? any SQLDatabase else { return false }
        let rows = try await sql.update(OutboxMessageModel.schema)
            .set("locked_until", to: SQLBind(now.addingTimeInterval(120)))
            .set("attempts", to: SQLRaw("attempts + 1"))
            .where("id", .equal, SQLBind(id))
            .where("status", .equal, SQLBind(OutboxStatus.pending.rawValue))
            .where(group: {
                $0.where(SQLColumn("locked_until"), .is, SQLLiteral.null)
                    .orWhere("locked_until", .lessThan, SQLBind(now))
            })
            .returning("id")
            .all()
        return rows.count == 1
    }
}

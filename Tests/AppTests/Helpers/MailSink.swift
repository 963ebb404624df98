import Foundation
import Testing

@testable import App

/// Reads back the messages the test SMTP server (Tests/support/smtp_sink.py) received.
enum MailSink {
    struct Message {
        var recipients: [String]
        var raw: String

        /// The decoded subject (RFC 2047 base64 words).
        var subject: String {
            let line = raw.components(separatedBy: "\n").first { $0.hasPrefix("Subject: ") } ?? ""
            let value = String(line.dropFirst("Subject: ".count)).trimmingCharacters(in: .whitespacesAndNewlines)
            guard value.hasPrefix("=?utf-8?B?"), value.hasSuffix("?=") else { return value }
            let encoded = value.dropFirst("=?utf-8?B?".count).dropLast(2)
            return Data(base64Encoded: String(encoded)).flatMap { String(data: $0, encoding: .utf8) } ?? value
        }

        /// The body with quoted-printable decoded.
        var body: String {
            guard let split = raw.range(of: "\n\n") else { return "" }
            let encoded = raw[split.upperBound...].replacingOccurrences(of: "=\n", with: "")
            var bytes: [UInt8] = []
            var index = encoded.startIndex
            while index < encoded.endIndex {
                let char = encoded[index]
                if char == "=", let end = encoded.index(index, offsetBy: 3, limitedBy: encoded.endIndex),
                    let byte = UInt8(encoded[encoded.index(after: index)..<end], radix: 16)
                {
                    bytes.append(byte)
                    index = end
                } else {
                    bytes.append(contentsOf: Array(String(char).utf8))
                    index = encoded.index(after: index)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The first link in the body that starts with `prefix`.
        func link(startingWith prefix: String) -> String? {
            body.components(separatedBy: .whitespacesAndNewlines).first { $0.hasPrefix(prefix) }
        }
    }

    static var available: Bool { TestEnvironment.smtpPort != nil && TestEnvironment.smtpSinkDirectory != nil }

    /// Every message the sink holds for `recipient`.
    static func messages(to recipient: String) throws -> [Message] {
        guard let directory = TestEnvironment.smtpSinkDirectory else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }
            .sorted()
        return try files.compactMap { file in
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n")
            guard let newline = text.firstIndex(of: "\n"), text.hasPrefix("X-Envelope-To: ") else { return nil }
            let recipients = text[text.index(text.startIndex, offsetBy: 15)..<newline].split(separator: ",").map(
                String.init)
            guard recipients.contains(recipient) else { return nil }
            return Message(recipients: recipients, raw: String(text[text.index(after: newline)...]))
        }
    }
}

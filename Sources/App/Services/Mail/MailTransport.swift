import Foundation

/// One e-mail ready to go out.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    public var language: String
    public var messageID: String
    public var attachments: [Attachment] = []

    /// A file sent with the message (a voucher's QR code).
    public struct Attachment: Sendable, Equatable {
        public var filename: String
        public var contentType: String
        public var data: [UInt8]
    }

    /// The RFC 5322 form: UTF-8 headers encoded per RFC 2047, a quoted-printable body, and
    /// with attachments a multipart/mixed body whose files are base64 in 76-character lines.
    public func rendered(date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = [
            "From: \(Self.encodeAddress(from))",
            "To: \(Self.headerSafe(to))",
            "Subject: \(Self.encodeWord(subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageID)>",
            "Content-Language: \(language)",
            "MIME-Version: 1.0",
        ]
        let textPart = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
        guard !attachments.isEmpty else {
            return (headers + [textPart]).joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(text)
        }
        let boundary = "mentore-" + messageID.filter { $0.isLetter || $0.isNumber }
        var body = "--\(boundary)\r\n\(textPart)\r\n\r\n" + Self.quotedPrintable(text)
        for file in attachments {
            let encoded = Data(file.data).base64EncodedString(options: [
                .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
            ])
            body +=
                "--\(boundary)\r\nContent-Type: \(file.contentType)\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"\(Self.headerSafe(file.filename))\"\r\n\r\n"
                + "\(encoded)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (headers + ["Content-Type: multipart/mixed; boundary=\"\(boundary)\""]).joined(separator: "\r\n")
            + "\r\n\r\n" + body
    }

    /// A header's text as it may stand in the header: plain when it is printable ASCII, else an
    /// RFC 2047 encoded word, so that a name with a line break can never start a header of its
    /// own (`Bcc:` …) however it got into the database.
    static func encodeWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !text.contains("=?")
        guard !plain else { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// A value written into a header as it is (an address, a file name): control characters,
    /// line breaks included, are dropped.
    static func headerSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    }

    /// `Name <address>`, with the display name encoded when it is not ASCII.
    static func encodeAddress(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<") else { return text }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? String(text[open...]) : "\(encodeWord(name)) \(text[open...])"
    }

    /// Quoted-printable (RFC 2045) with CRLF line breaks and soft breaks under 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var current = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let piece: String
                if (byte == 0x20 || byte == 0x09) && isLast {
                    piece = String(format: "=%02X", byte)
                } else if (byte >= 33 && byte <= 126 && byte != 61) || byte == 0x20 || byte == 0x09 {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                if current + piece.count > 75 {
                    encoded += "=\r\n"
                    current = 0
                }
                encoded += piece
                current += piece.count
            }
            lines.append(encoded)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Delivers one message or throws; the outbox worker retries on failure.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage, date: Date) async throws
}

/// Writes each message as an `.eml` file: the default for local runs.
public struct FileMailTransport: MailTransport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func send(_ message: MailMessage, date: Date) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = "\(Int(date.timeIntervalSince1970))-\(message.messageID.prefix(36)).eml"
        try Data(message.rendered(date: date).utf8).write(
            to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
}

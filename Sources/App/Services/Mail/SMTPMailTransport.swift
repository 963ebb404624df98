import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends mail to an SMTP server (RFC 5321), with optional STARTTLS and AUTH PLAIN.
public struct SMTPMailTransport: MailTransport {
    public var host: String
    public var port: Int
    public var startTLS: Bool
    public var username: String?
    public var password: String?
    /// Extra certificates to trust, besides the system's.
    public var caFile: String?
    public var timeout: Duration

    public init(
        host: String, port: Int, startTLS: Bool, username: String?, password: String?, caFile: String? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.caFile = caFile
        self.timeout = timeout
    }

    public struct SMTPError: Error, CustomStringConvertible {
        public var expected: [Int]
        public var reply: String
        public var description: String { "SMTP: expected \(expected), got \(reply)" }
    }

    struct TimedOut: Error {}

    public func send(_ message: MailMessage, date: Date) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await deliver(message, date: date) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimedOut()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func deliver(_ message: MailMessage, date: Date) async throws {
        let (replies, continuation) = AsyncStream.makeStream(of: String.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(LineBasedFrameDecoder()), ReplyCollector(continuation: continuation))
                }
            }
            .connect(host: host, port: port).get()
        defer { channel.close(promise: nil) }
        var iterator = replies.makeAsyncIterator()

        func expect(_ codes: Int...) async throws {
            var lines: [String] = []
            while let line = await iterator.next() {
                lines.append(line)
                // The last line of a reply has a space (or nothing) after the three-digit code.
                if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] == " " { break }
            }
            guard let last = lines.last, let code = Int(last.prefix(3)), codes.contains(code) else {
                throw SMTPError(expected: codes, reply: lines.joined(separator: " | "))
            }
        }
        func send(_ text: String) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: text + "\r\n")).get()
        }

        try await expect(220)
        try await send("EHLO mentore")
        try await expect(250)
        if startTLS {
            try await send("STARTTLS")
            try await expect(220)
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile {
                configuration.additionalTrustRoots = [.file(caFile)]
            }
            let context = try NIOSSLContext(configuration: configuration)
            let tls = try NIOSSLClientHandler(context: context, serverHostname: host)
            try await channel.pipeline.addHandler(tls, position: .first).get()
            try await send("EHLO mentore")
            try await expect(250)
        }
        if let username, let password {
            let credentials = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await send("AUTH PLAIN \(credentials)")
            try await expect(235)
        }
        try await send("MAIL FROM:<\(Self.address(message.from))>")
        try await expect(250)
        try await send("RCPT TO:<\(Self.address(message.to))>")
        try await expect(250, 251)
        try await send("DATA")
        try await expect(354)
        // Dot-stuffing: a line that starts with "." gets a second one.
        let body = message.rendered(date: date).split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try await send(body + (body.hasSuffix("\r\n") ? "" : "\r\n") + ".")
        try await expect(250)
        try await send("QUIT")
        try? await expect(221)
    }

    /// The bare address of `Name <address>`.
    static func address(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[text.index(after: open)..<close])
    }
}

private final class ReplyCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let continuation: AsyncStream<String>.Continuation

    init(continuation: AsyncStream<String>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let line = buffer.readString(length: buffer.readableBytes) ?? ""
        continuation.yield(line.trimmingCharacters(in: ["\r"]))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish()
        context.close(promise: nil)
    }
}

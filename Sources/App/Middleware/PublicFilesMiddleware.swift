import Vapor

/// Serves the public directory's files (`FileMiddleware`), asking the file system only for
/// paths under what that directory holds (`/css/…`, `/js/…`, `/favicon.svg`): every other
/// request, the pages and the API, goes straight on. `FileMiddleware` looks each path up on a
/// thread pool, two thread wake-ups a request that can never be a file.
struct PublicFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware
    /// The public directory's top-level entries, read once at start.
    let entries: Set<String>

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        entries = Set((try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? [])
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path.utf8.dropFirst()
        let first = path.split(separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false).first
        guard let first, entries.contains(String(decoding: first, as: UTF8.self).removingPercentEncoding ?? "")
        else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}

import Domain
import Vapor

extension Request {
    /// The UUID in the route parameter `name`; `notFound` when it is missing or not a UUID (a
    /// mistyped address finds nothing, like an unknown one).
    func idParameter(_ name: String) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw DomainError(.notFound) }
        return id
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

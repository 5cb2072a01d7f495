@preconcurrency import AsyncKit
import NIOCore
import SQLKit

/// A ``SQLConnectionPool`` over AsyncKit's pool, for any driver whose connections can act as a `SQLDatabase`.
///
/// `@unchecked Sendable`: AsyncKit's pool guards its state with its own lock but is not annotated.
final class AsyncKitPool<Source: ConnectionPoolSource>: SQLConnectionPool, @unchecked Sendable where Source.Connection: Sendable {
    let flavor: SQLFlavor
    private let pool: EventLoopGroupConnectionPool<Source>
    private let database: @Sendable (Source.Connection) -> any SQLDatabase

    init(flavor: SQLFlavor, pool: EventLoopGroupConnectionPool<Source>, database: @escaping @Sendable (Source.Connection) -> any SQLDatabase) {
        self.flavor = flavor
        self.pool = pool
        self.database = database
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let database = self.database
        return try await pool.withConnection { connection in
            connection.eventLoop.makeFutureWithTask { try await body(database(connection)) }
        }.get()
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
    }
}

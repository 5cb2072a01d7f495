@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL connections, spread over the shared event loops.
///
/// `@unchecked Sendable`: AsyncKit's pool guards its state with its own lock but is not annotated.
final class PostgresPool: SQLConnectionPool, @unchecked Sendable {
    let flavor = SQLFlavor.postgres
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>

    /// Opens a pool to `url`; connections are made lazily, when first needed.
    init(url: String, maxConnectionsPerEventLoop: Int, logger: Logger) throws {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = nil
        self.pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: max(1, maxConnectionsPerEventLoop),
            requestTimeout: .seconds(30),
            logger: logger,
            on: MultiThreadedEventLoopGroup.singleton
        )
    }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await body(connection.sql(queryLogLevel: .trace))
            }
        }.get()
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
    }
}

@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL connections, spread over the shared event loops.
enum PostgresPool {
    /// Opens a pool to `url`; connections are made lazily, when first needed.
    static func make(url: String, maxConnectionsPerEventLoop: Int, logger: Logger) throws -> AsyncKitPool<PostgresConnectionSource> {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = nil
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: max(1, maxConnectionsPerEventLoop), requestTimeout: .seconds(30), logger: logger,
            on: MultiThreadedEventLoopGroup.singleton)
        return AsyncKitPool(flavor: .postgres, pool: pool) { $0.sql(queryLogLevel: .trace) }
    }
}

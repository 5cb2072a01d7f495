@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLite connections, each opened in WAL mode with a busy timeout so concurrent writers wait instead of failing.
enum SQLitePool {
    /// Opens a pool on `location`. An in-memory database gets exactly one connection: a second connection
    /// would open a second, empty database.
    static func make(location: DatabaseLocation, maxConnections: Int, logger: Logger) -> AsyncKitPool<PragmaSQLiteSource> {
        let storage: SQLiteConfiguration.Storage
        let connections: Int
        switch location {
        case .sqliteFile(let path):
            storage = .file(path: path)
            connections = max(1, maxConnections)
        default:
            storage = .memory
            connections = 1
        }
        let source = PragmaSQLiteSource(
            inner: SQLiteConnectionSource(configuration: .init(storage: storage, enableForeignKeys: true)),
            pragmas: ["PRAGMA journal_mode = WAL", "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL"]
        )
        // One event loop: SQLite work happens on its thread pool, and one loop keeps the connection count exact.
        let pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: connections, requestTimeout: .seconds(30), logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.next())
        return AsyncKitPool(flavor: .sqlite, pool: pool) { $0.sql(queryLogLevel: .trace) }
    }
}

/// Opens SQLite connections and applies the pragmas every connection needs.
struct PragmaSQLiteSource: ConnectionPoolSource {
    let inner: SQLiteConnectionSource
    let pragmas: [String]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        let pragmas = self.pragmas
        return inner.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            var ready = eventLoop.makeSucceededVoidFuture()
            for pragma in pragmas {
                ready = ready.flatMap { connection.query(pragma).map { _ in } }
            }
            // A connection dropped unclosed trips SQLiteNIO's assertion, so one whose pragmas fail (a file that is
            // not a database, say) is closed before its error goes on.
            return ready.map { connection }.flatMapError { error in
                connection.close().flatMapThrowing { throw error }
            }
        }
    }
}

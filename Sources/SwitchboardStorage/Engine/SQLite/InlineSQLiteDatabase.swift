import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's view of one ``SQLiteConnection``: each query runs on the calling thread, at once.
struct InlineSQLiteDatabase: SQLDatabase {
    let connection: SQLiteConnection
    let logger: Logger

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        StorageCounters.countStatement()
        logger.trace("\(sql)")
        try connection.run(sql, binds: try binds.map { try SQLiteValue.bound($0) }) { onRow($0) }
    }
}

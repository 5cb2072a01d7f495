import Logging
import SQLKit

/// PostgreSQL through a connection pool: each unit of work is its own transaction, and writers run concurrently,
/// guarded by the row locks the repositories take.
struct PostgresEngine: SQLEngine {
    let pool: any SQLConnectionPool

    var flavor: SQLFlavor { .postgres }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection { database in
            try await database.raw("BEGIN").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                StorageCounters.countCommit(units: 1)
                return result
            } catch {
                // The rollback must not hide the error that caused it.
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func shutdown() async throws {
        try await pool.shutdown()
    }
}

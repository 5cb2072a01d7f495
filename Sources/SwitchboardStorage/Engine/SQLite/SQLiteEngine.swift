import Logging
import SQLKit

/// SQLite called directly: one writer committing units of work in groups, readers beside it in WAL mode, and
/// checkpoints in the background. An in-memory database has one connection, so its reads queue with the writes.
final class SQLiteEngine: SQLEngine {
    private let writer: SQLiteWriter
    private let readers: SQLiteReaders?
    private let checkpointer: SQLiteCheckpointer?
    private let logger: Logger

    var flavor: SQLFlavor { .sqlite }

    /// Pragmas every connection to a file needs: concurrent readers, and a wait instead of an error if another
    /// process (a `switchboard` command beside `serve`) holds the write lock.
    static let filePragmas = ["PRAGMA journal_mode = WAL", "PRAGMA busy_timeout = 10000", "PRAGMA foreign_keys = ON"]

    /// Opens `location` lazily: nothing touches the file until the first read or write.
    init(location: DatabaseLocation, readers: Int, logger: Logger) {
        self.logger = logger
        switch location {
        case .sqliteFile(let path):
            let writerPragmas = Self.filePragmas + [
                // Commits append to the log without syncing; a checkpoint syncs. Safe against a crashed process.
                "PRAGMA synchronous = NORMAL",
                "PRAGMA wal_autocheckpoint = 0",
                "PRAGMA journal_size_limit = 67108864",
            ]
            self.writer = SQLiteWriter(logger: logger) { try SQLiteConnection(path: path, pragmas: writerPragmas) }
            self.readers = SQLiteReaders(limit: readers) { try SQLiteConnection(path: path, pragmas: Self.filePragmas) }
            self.checkpointer = SQLiteCheckpointer(logger: logger) {
                try SQLiteConnection(path: path, pragmas: ["PRAGMA busy_timeout = 10000"])
            }
        default:
            self.writer = SQLiteWriter(logger: logger) { try SQLiteConnection(path: nil, pragmas: ["PRAGMA foreign_keys = ON"]) }
            self.readers = nil
            self.checkpointer = nil
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let readers else { return try await writer.exclusive(body) }
        let logger = self.logger
        return try await readers.withConnection { connection in
            try await body(InlineSQLiteDatabase(connection: connection, logger: logger))
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.write(body)
    }

    func shutdown() async throws {
        await checkpointer?.stop()
        readers?.close()
        if checkpointer != nil {
            // Leaves a small file behind: the log folded back into the database.
            _ = try? await writer.exclusive { try $0.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        await writer.close()
    }
}

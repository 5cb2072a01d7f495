import Logging
import Synchronization

/// The one writer of a SQLite database, committing many callers' units of work together.
///
/// SQLite has one writer, so units of work queue here. The writer opens a transaction, runs every queued unit in its
/// own savepoint (a unit that fails rolls back alone and is answered at once), and commits them together: one
/// commit, not one per request. No caller is answered before the commit that holds its work. Units that must not
/// share a transaction (reads of an in-memory database, which has only this connection) run between them.
final class SQLiteWriter: Sendable {
    private let state = Mutex(State())
    private let connection: ConnectionSlot
    private let logger: Logger

    /// At most this many units share one commit, so that the first of them is not kept waiting for long.
    static let maximumUnitsPerCommit = 64

    /// A writer that opens its connection with `open` when the first unit arrives.
    init(logger: Logger, open: @escaping @Sendable () throws -> SQLiteConnection) {
        self.logger = logger
        self.connection = ConnectionSlot(open: open)
    }

    /// Runs `body` in a savepoint of a shared transaction and returns once that transaction has committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (InlineSQLiteDatabase) async throws -> T) async throws -> T {
        try await submit(body, inTransaction: true)
    }

    /// Runs `body` alone on the writer's connection, outside any transaction.
    func exclusive<T: Sendable>(_ body: @escaping @Sendable (InlineSQLiteDatabase) async throws -> T) async throws -> T {
        try await submit(body, inTransaction: false)
    }

    /// Closes the connection after the units already queued; units submitted from now on fail, so none can reach
    /// the closed connection.
    func close() async {
        state.withLock { $0.closed = true }
        _ = try? await submit({ database in database.connection.close() }, inTransaction: false, evenIfClosed: true)
    }

    private func submit<T: Sendable>(
        _ body: @escaping @Sendable (InlineSQLiteDatabase) async throws -> T, inTransaction: Bool, evenIfClosed: Bool = false
    ) async throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let unit = Unit(
                inTransaction: inTransaction,
                body: { database in
                    do {
                        let value = try await body(database)
                        outcome.withLock { $0 = .success(value) }
                        return nil
                    } catch {
                        return error
                    }
                },
                answer: { error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume() }
                })
            let startsDraining = state.withLock { state -> Bool? in
                guard !state.closed || evenIfClosed else { return nil }
                state.queue.append(unit)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            switch startsDraining {
            case nil: unit.answer(StorageClosed())
            case true?: Task { await self.drain() }
            case false?: break
            }
        }
        return try outcome.withLock { $0! }.get()
    }

    /// Works through the queue until it is empty; only one drain runs at a time.
    private func drain() async {
        while let unit = next(inTransactionOnly: false, orStop: true) {
            let database: InlineSQLiteDatabase
            do {
                database = InlineSQLiteDatabase(connection: try connection.get(), logger: logger)
            } catch {
                unit.answer(error)
                continue
            }
            if unit.inTransaction {
                await commitTogether(startingWith: unit, on: database)
            } else {
                unit.answer(await unit.body(database))
            }
        }
    }

    /// Runs `first` and the units queued behind it in one transaction, each in a savepoint, and commits them.
    private func commitTogether(startingWith first: Unit, on database: InlineSQLiteDatabase) async {
        let connection = database.connection
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            first.answer(error)
            return
        }
        var committing: [Unit] = []
        var unit: Unit? = first
        while let current = unit {
            do {
                try connection.execute("SAVEPOINT unit_of_work")
            } catch {
                current.answer(error)
                break
            }
            if let failure = await current.body(database) {
                // A failed unit rolls back alone, unless SQLite already rolled back the whole transaction (a full
                // disk, say), which takes the units before it too.
                if !connection.isAutocommit {
                    try? connection.execute("ROLLBACK TO unit_of_work; RELEASE unit_of_work")
                }
                current.answer(failure)
                if connection.isAutocommit {
                    for lost in committing { lost.answer(failure) }
                    return
                }
            } else {
                do {
                    try connection.execute("RELEASE unit_of_work")
                    committing.append(current)
                } catch {
                    current.answer(error)
                }
            }
            if committing.count >= Self.maximumUnitsPerCommit { break }
            unit = next(inTransactionOnly: true, orStop: false)
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            for lost in committing { lost.answer(error) }
            return
        }
        StorageCounters.countCommit(units: committing.count)
        for committed in committing { committed.answer(nil) }
    }

    /// The next queued unit; `inTransactionOnly` takes it only if it may join the open transaction, and
    /// `orStop` ends the drain when the queue is empty.
    private func next(inTransactionOnly: Bool, orStop: Bool) -> Unit? {
        state.withLock { state in
            guard let head = state.queue.first, !inTransactionOnly || head.inTransaction else {
                if orStop { state.draining = false }
                return nil
            }
            return state.queue.removeFirst()
        }
    }

    private struct State {
        var queue: [Unit] = []
        var draining = false
        var closed = false
    }

    /// One caller's work and how to answer it.
    private struct Unit: Sendable {
        let inTransaction: Bool
        /// Runs the work; returns the error it threw, if any.
        let body: @Sendable (InlineSQLiteDatabase) async -> (any Error)?
        /// Answers the caller: `nil` once the work is committed (or, outside a transaction, done).
        let answer: @Sendable ((any Error)?) -> Void
    }

    /// The writer's connection, opened on first use; only the running drain touches it.
    private final class ConnectionSlot: @unchecked Sendable {
        private let open: @Sendable () throws -> SQLiteConnection
        private var connection: SQLiteConnection?

        init(open: @escaping @Sendable () throws -> SQLiteConnection) { self.open = open }

        func get() throws -> SQLiteConnection {
            if let connection { return connection }
            let opened = try open()
            connection = opened
            return opened
        }
    }
}

/// The storage was shut down.
struct StorageClosed: Error, CustomStringConvertible {
    var description: String { "the database is closed" }
}

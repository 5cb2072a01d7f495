import Synchronization

/// Read connections to a SQLite file, lent one caller at a time. In WAL mode they read beside the writer without
/// waiting for it.
final class SQLiteReaders: Sendable {
    private let state = Mutex(State())
    private let open: @Sendable () throws -> SQLiteConnection
    private let limit: Int

    /// Opens up to `limit` connections with `open`, as demand needs them.
    init(limit: Int, open: @escaping @Sendable () throws -> SQLiteConnection) {
        self.limit = max(1, limit)
        self.open = open
    }

    /// Runs `body` with a connection no one else uses until it returns.
    func withConnection<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = try await lease()
        defer { giveBack(connection) }
        return try await body(connection)
    }

    /// Closes every idle connection; later reads fail.
    func close() {
        let (idle, waiting) = state.withLock { state in
            state.closed = true
            defer { state.idle.removeAll(); state.waiting.removeAll() }
            return (state.idle, state.waiting)
        }
        for connection in idle { connection.close() }
        for waiter in waiting { waiter.resume(throwing: StorageClosed()) }
    }

    private enum Lease {
        case ready(SQLiteConnection)
        case openOne
        case wait
        case closed
    }

    private func lease() async throws -> SQLiteConnection {
        let decision = state.withLock { state -> Lease in
            if state.closed { return .closed }
            if let connection = state.idle.popLast() { return .ready(connection) }
            guard state.opened < limit else { return .wait }
            state.opened += 1
            return .openOne
        }
        switch decision {
        case .ready(let connection):
            return connection
        case .closed:
            throw StorageClosed()
        case .openOne:
            do {
                return try open()
            } catch {
                state.withLock { $0.opened -= 1 }
                throw error
            }
        case .wait:
            return try await withCheckedThrowingContinuation { continuation in
                let handed = state.withLock { state -> SQLiteConnection? in
                    // A connection may have come back between the two locks.
                    if let connection = state.idle.popLast() { return connection }
                    state.waiting.append(continuation)
                    return nil
                }
                if let handed { continuation.resume(returning: handed) }
            }
        }
    }

    private func giveBack(_ connection: SQLiteConnection) {
        enum Next { case waiter(CheckedContinuation<SQLiteConnection, any Error>), kept, close }
        let next = state.withLock { state -> Next in
            if state.closed { return .close }
            if !state.waiting.isEmpty { return .waiter(state.waiting.removeFirst()) }
            state.idle.append(connection)
            return .kept
        }
        switch next {
        case .waiter(let waiter): waiter.resume(returning: connection)
        case .close: connection.close()
        case .kept: break
        }
    }

    private struct State {
        var idle: [SQLiteConnection] = []
        var waiting: [CheckedContinuation<SQLiteConnection, any Error>] = []
        var opened = 0
        var closed = false
    }
}

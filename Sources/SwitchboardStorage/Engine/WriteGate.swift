/// Admits one write transaction at a time, first come first served.
///
/// SQLite allows one writer. Left to SQLite, waiting writers sleep in its busy handler on threads of the
/// small shared I/O pool, which the transaction holding the lock then needs in order to commit: under load
/// every writer waits out the busy timeout. Queueing writers here, before they take a connection, means no
/// thread ever sleeps inside SQLite waiting for another write of this process.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` once every earlier caller has finished.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer { handOver() }
        return try await body()
    }

    /// Passes the gate to the next waiter, or opens it.
    private func handOver() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

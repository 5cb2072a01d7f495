import Logging
import NIOCore
import PostgresKit
import Synchronization

/// Waits, on the LISTEN connection, until PostgreSQL has delivered every notification committed before the wait began.
///
/// PostgreSQL sends a listening session's pending notifications at the latest just before the ReadyForQuery that ends
/// a command, and the connection hands them to the listener's handler in the order they arrive. So once a second
/// query, sent after the first one's ReadyForQuery, has answered, every notice committed before the first was sent
/// has been published. Callers waiting at the same time share one such round trip: a caller waits for the first
/// round trip that begins after it arrived.
final class ListenBarrier: ChangeCatchUp {
    private struct Waiter {
        /// The number of the first round trip that began after this caller arrived.
        let needs: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var started = 0
        var running = false
        var waiters: [Waiter] = []
        /// A round trip overran its deadline: the connection is being given up, and every later caller reads from
        /// the database until the listener has a new connection and a new barrier.
        var broken = false
    }

    /// How long a round trip may take before the connection is given up.
    static let timeout = TimeAmount.seconds(5)

    let connection: PostgresConnection
    let logger: Logger
    private let state = Mutex(State())

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func catchUp() async throws {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state -> Bool? in
                guard !state.broken else { return nil }
                state.waiters.append(Waiter(needs: state.started + 1, continuation: continuation))
                guard !state.running else { return false }
                state.running = true
                state.started += 1
                return true
            }
            switch start {
            case nil: continuation.resume(throwing: ListenRoundTripOverran())
            case true?: Task { await runRoundTrips() }
            case false?: break
            }
        }
    }

    /// Runs round trips one after another while anyone waits, answering each caller after the one it needs.
    private func runRoundTrips() async {
        while true {
            // A round trip that does not answer in time means a connection that no longer works (a peer gone without
            // a word): closing it fails the waiters, who read from the database, and the listener reconnects.
            let connection = self.connection
            // The waiters are answered at the deadline whether or not the round trip ever returns: a request must
            // never wait on a connection that stopped answering.
            let deadline = connection.eventLoop.scheduleTask(in: Self.timeout) { [self] in
                let closing: EventLoopFuture<Void> = connection.close()
                closing.whenComplete { _ in }
                let abandoned = state.withLock { state in
                    state.broken = true
                    state.running = false
                    defer { state.waiters.removeAll() }
                    return state.waiters
                }
                for waiter in abandoned { waiter.continuation.resume(throwing: ListenRoundTripOverran()) }
            }
            let outcome: Result<Void, any Error>
            do {
                try await Self.roundTrip(connection, logger: logger)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            deadline.cancel()
            let (answered, again) = state.withLock { state in
                // The deadline already answered everyone.
                guard !state.broken else { return ([Waiter](), false) }
                let finished = state.started
                let answered = state.waiters.filter { $0.needs <= finished }
                state.waiters.removeAll { $0.needs <= finished }
                if state.waiters.isEmpty {
                    state.running = false
                    return (answered, false)
                }
                state.started += 1
                return (answered, true)
            }
            for waiter in answered { waiter.continuation.resume(with: outcome) }
            if !again { return }
        }
    }

    /// Two commands in a row: the second is sent only after the first's ReadyForQuery, before which PostgreSQL has
    /// sent every notification committed before the first arrived. The command repeats the LISTEN, which changes
    /// nothing and keeps the connection recognisable as the listener in `pg_stat_activity`.
    static func roundTrip(_ connection: PostgresConnection, logger: Logger) async throws {
        for _ in 0..<2 {
            for try await _ in try await connection.query("LISTEN \(unescaped: "\"\(ChangeNotice.channel)\"")", logger: logger) {}
        }
    }
}

/// A LISTEN round trip did not answer in time; the caller reads from the database instead.
struct ListenRoundTripOverran: Error, CustomStringConvertible {
    var description: String { "the LISTEN connection did not answer in time" }
}

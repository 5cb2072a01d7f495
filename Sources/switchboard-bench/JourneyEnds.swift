import Synchronization

/// Journeys waiting for the push that ends them, by journey number: a `StatusCallback` or a handset event resolves
/// one, and one that hears nothing before its deadline ends as failed.
final class JourneyEnds: Sendable {
    private struct State {
        var waiting: [Int: (continuation: CheckedContinuation<Bool, Never>, deadline: ContinuousClock.Instant)] = [:]
        /// Ends that arrived before their journey started waiting.
        var early: [Int: Bool] = [:]
    }

    private let state = Mutex(State())
    private let patience: Duration

    /// Journeys give up after `patience`.
    init(patience: Duration = .seconds(30)) {
        self.patience = patience
    }

    /// Waits for journey `n`'s end: `true` when it succeeded.
    func wait(for n: Int) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: patience)
        return await withCheckedContinuation { continuation in
            let early: Bool? = state.withLock { state in
                if let outcome = state.early.removeValue(forKey: n) { return outcome }
                state.waiting[n] = (continuation, deadline)
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }
    }

    /// Journey `n` ended, well or not.
    func resolve(_ n: Int, succeeded: Bool) {
        let continuation: CheckedContinuation<Bool, Never>? = state.withLock { state in
            if let waiting = state.waiting.removeValue(forKey: n) { return waiting.continuation }
            state.early[n] = succeeded
            return nil
        }
        continuation?.resume(returning: succeeded)
    }

    /// Fails every journey whose deadline passed; run it every so often while journeys run.
    func expire(now: ContinuousClock.Instant = .now) {
        let expired = state.withLock { state in
            let due = state.waiting.filter { $0.value.deadline <= now }
            for key in due.keys { state.waiting.removeValue(forKey: key) }
            return due.values.map(\.continuation)
        }
        for continuation in expired { continuation.resume(returning: false) }
    }

    /// Expires overdue journeys every half second until cancelled.
    func expireUntilCancelled() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            expire()
        }
    }

    /// Journeys waiting now.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Ends kept for journeys that have not waited yet.
    var earlyCount: Int { state.withLock { $0.early.count } }

    /// Forgets ends that arrived for journeys nobody waits for any more.
    func clearEarly() {
        state.withLock { $0.early.removeAll() }
    }
}

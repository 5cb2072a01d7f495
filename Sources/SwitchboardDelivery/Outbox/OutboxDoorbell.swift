import Synchronization

/// Wakes the dispatcher when work is committed, so a message does not wait for the next poll. A ring with nobody
/// waiting is remembered, so work committed while the dispatcher was busy is not slept through.
public final class OutboxDoorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Creates a doorbell.
    public init() {}

    /// Says there is new work.
    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.rung = true
            return nil
        }
        waiter?.resume()
    }

    /// Whether a ring is waiting for the next ``wait(timeout:)``.
    var isRung: Bool {
        state.withLock { $0.rung }
    }

    /// Returns at a ring, at once if one came since the last wait, or after `timeout`. One waiter at a time.
    func wait(timeout: Duration) async {
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.ring()
        }
        defer { timer.cancel() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.rung {
                    state.rung = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

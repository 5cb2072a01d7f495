import Synchronization

/// Wakes event streams (agents' and sandbox handsets') when a write that may concern them commits in this
/// process, so a stream pushes a change at once instead of at its next periodic check. Unlike ``OutboxDoorbell`` it has any number of
/// waiters, and a ring wakes them all.
public final class AgentFeedBell: Sendable {
    private struct State {
        var rings: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Creates a bell.
    public init() {}

    /// How many times it has rung; pass it to ``wait(after:timeout:)`` to sleep through no ring that comes after.
    public var rings: UInt64 { state.withLock { $0.rings } }

    /// Says something may have changed.
    public func ring() {
        let waiters = state.withLock { state in
            state.rings &+= 1
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the bell has rung more than `seen` times, after `timeout`, or when the task is cancelled.
    public func wait(after seen: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.rung(after: seen) }
            await group.next()
            group.cancelAll()
        }
    }

    private func rung(after seen: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    guard state.rings == seen, !Task.isCancelled else { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

import Synchronization

/// What a unit of work asked to happen once it has committed: ringing the outbox doorbell, a routing pass, a
/// cache invalidation. Registering them inside the unit of work means no caller has to remember them, and none
/// runs for work that rolled back.
final class CommitFollowUps: Sendable {
    private let actions = Mutex<[@Sendable () async -> Void]>([])

    /// Adds `action`, to run after the commit in the order registered.
    func add(_ action: @escaping @Sendable () async -> Void) {
        actions.withLock { $0.append(action) }
    }

    /// Runs and forgets everything registered, in order.
    func run() async {
        let pending = actions.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
        for action in pending { await action() }
    }
}

public import SwitchboardStorage

/// Storage that rings the outbox doorbell after a write transaction that queued something commits, and the feed
/// bell after one that may have changed what an event stream shows (an agent's, or a sandbox handset's), so every
/// writer (API, routing engine, dispatcher, sandbox connector) wakes the dispatcher and the streams without
/// knowing about them.
public struct DoorbellStorage: Storage {
    let base: any Storage
    let doorbell: OutboxDoorbell
    let feedBell: AgentFeedBell

    /// Wraps `base`.
    public init(_ base: any Storage, doorbell: OutboxDoorbell, feedBell: AgentFeedBell = AgentFeedBell()) {
        self.base = base
        self.doorbell = doorbell
        self.feedBell = feedBell
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await base.read(body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let queued = QueuedFlag()
        let feedTouched = QueuedFlag()
        let result = try await base.write { session in
            try await body(EnqueueNoticingSession(base: session, queued: queued, feedTouched: feedTouched))
        }
        if queued.isSet { doorbell.ring() }
        if feedTouched.isSet { feedBell.ring() }
        return result
    }

    public func shutdown() async throws {
        try await base.shutdown()
    }
}

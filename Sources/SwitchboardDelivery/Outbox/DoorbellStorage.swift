public import SwitchboardStorage

/// Storage whose units of work ring the outbox doorbell after one that queued something commits, and the feed
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
        let doorbell = self.doorbell
        let feedBell = self.feedBell
        return try await base.write { session in
            try await body(DecoratedSession(session, decoration: OutboxNoticing(
                queued: CommitBell(session) { doorbell.ring() }, feedTouched: CommitBell(session) { feedBell.ring() })))
        }
    }

    public func shutdown() async throws {
        try await base.shutdown()
    }
}

public import SwitchboardStorage

/// Storage that rings the outbox doorbell after a write transaction that queued something commits, so every
/// writer (API, routing engine, dispatcher) wakes the dispatcher without knowing about it.
public struct DoorbellStorage: Storage {
    let base: any Storage
    let doorbell: OutboxDoorbell

    /// Wraps `base`.
    public init(_ base: any Storage, doorbell: OutboxDoorbell) {
        self.base = base
        self.doorbell = doorbell
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await base.read(body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let queued = QueuedFlag()
        let result = try await base.write { session in
            try await body(EnqueueNoticingSession(base: session, queued: queued))
        }
        if queued.isSet { doorbell.ring() }
        return result
    }

    public func shutdown() async throws {
        try await base.shutdown()
    }
}

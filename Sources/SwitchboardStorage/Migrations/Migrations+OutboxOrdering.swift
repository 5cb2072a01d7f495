extension Migrations {
    /// Version 5: a queued webhook may name a fallback URL (TaskRouter's `FallbackAssignmentCallbackUrl`), and
    /// entries may share an ordering key, which makes them leave one at a time in the order they were written.
    static let outboxOrderingMigration = Migration(version: 5, name: "outbox fallback urls and ordering keys") { _ in
        [
            "ALTER TABLE outbox ADD COLUMN fallback_url TEXT",
            "ALTER TABLE outbox ADD COLUMN ordering_key TEXT",
            "CREATE INDEX outbox_ordering ON outbox (ordering_key, seq)",
        ]
    }
}

extension Migrations {
    /// Version 12: what a handset's event stream reads. Sandbox deliveries are only ever inserted (a second record
    /// of one message is ignored, and the status is decided before the insert), so the rows themselves are the
    /// feed; like the event log they record the writing transaction's ID on PostgreSQL, where sequence numbers are
    /// handed out before commit, so a stream reading in (transaction, seq) order below the oldest running
    /// transaction never finds a row behind its cursor. A delivery that could change later would need a change
    /// row of its own, as conversation messages have. SQLite has one writer and records 0.
    static let sandboxFeedMigration = Migration(version: 12, name: "sandbox handset feed") { flavor in
        [
            // Existing rows are all committed: 0 places them before every new one without rewriting the table.
            "ALTER TABLE sandbox_deliveries ADD COLUMN transaction_id BIGINT NOT NULL DEFAULT 0",
            flavor == .postgres ? "ALTER TABLE sandbox_deliveries ALTER COLUMN transaction_id SET DEFAULT txid_current()" : nil,
            "CREATE INDEX sandbox_deliveries_feed ON sandbox_deliveries (account_sid, address, transaction_id, seq)",
        ].compactMap { $0 }
    }
}

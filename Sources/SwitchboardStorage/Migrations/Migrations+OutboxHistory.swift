extension Migrations {
    /// Version 9: delivered outbox entries stay for a retention period, with when their last attempt ended and the
    /// HTTP status it got. Pending entries get their own ordering index, so the delivered history an ordering key
    /// accumulates never slows the check that holds later entries back. The sandbox lists every handset of an
    /// account, newest first.
    static let outboxHistoryMigration = Migration(version: 9, name: "outbox delivery history and every handset's messages") { _ in
        [
            "ALTER TABLE outbox ADD COLUMN last_attempt_at BIGINT",
            "ALTER TABLE outbox ADD COLUMN last_response_code BIGINT",
            "CREATE INDEX outbox_pending_ordering ON outbox (ordering_key, seq) WHERE status = 'pending'",
            "CREATE INDEX outbox_delivered_age ON outbox (status, last_attempt_at)",
            "CREATE INDEX sandbox_deliveries_account ON sandbox_deliveries (account_sid, seq)",
        ]
    }
}

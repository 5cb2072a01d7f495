extension Migrations {
    /// Version 11: what an agent's event stream reads. Conversation message changes (a message added, a delivery
    /// status changed) get a table of their own, and both it and the event log record the writing transaction's ID
    /// on PostgreSQL, where sequence numbers are handed out before commit and so can become visible out of order:
    /// a stream reads only rows of transactions older than every transaction still running, in (transaction, seq)
    /// order, so a row can never appear behind a cursor that has passed it. SQLite has one writer and records 0.
    static let agentFeedMigration = Migration(version: 11, name: "agent event feed") { flavor in
        let transactionID = switch flavor {
        case .sqlite: "0"
        case .postgres: "txid_current()"
        }
        return [
            // Existing rows are all committed: 0 places them before every new one without rewriting the table.
            "ALTER TABLE events ADD COLUMN transaction_id BIGINT NOT NULL DEFAULT 0",
            flavor == .postgres ? "ALTER TABLE events ALTER COLUMN transaction_id SET DEFAULT txid_current()" : nil,
            "CREATE INDEX events_feed ON events (workspace_sid, transaction_id, seq)",
            """
            CREATE TABLE conversation_message_changes (
                seq \(flavor.sequencePrimaryKey),
                transaction_id BIGINT NOT NULL DEFAULT \(transactionID),
                conversation_sid TEXT NOT NULL REFERENCES conversations (sid) ON DELETE CASCADE,
                message_sid TEXT NOT NULL
            )
            """,
            "CREATE INDEX conversation_message_changes_feed ON conversation_message_changes (conversation_sid, transaction_id, seq)",
            // A stream that starts reads where the changes end now.
            "CREATE INDEX conversation_message_changes_end ON conversation_message_changes (transaction_id, seq)",
        ].compactMap { $0 }
    }
}

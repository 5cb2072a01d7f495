extension Migrations {
    /// Version 16: a participant's read horizon and notification level, which a Conversations user reads and sets
    /// through its user conversations. Every existing participant has read nothing and is notified by default.
    static let participantReadStateMigration = Migration(version: 16, name: "conversation participant read state") { _ in
        [
            "ALTER TABLE conversation_participants ADD COLUMN last_read_message_index BIGINT",
            "ALTER TABLE conversation_participants ADD COLUMN last_read_timestamp BIGINT",
            "ALTER TABLE conversation_participants ADD COLUMN notification_level TEXT NOT NULL DEFAULT 'default'",
        ]
    }
}

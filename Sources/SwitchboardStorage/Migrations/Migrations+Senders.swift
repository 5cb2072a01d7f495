extension Migrations {
    /// Version 18: senders, which deliver through a provider, and what a provider's messages need: the provider's
    /// id, by which receipts and retried webhooks find a message, and media by URL.
    static let sendersMigration = Migration(version: 18, name: "senders and provider message ids") { flavor in
        [
            """
            CREATE TABLE senders (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                address TEXT NOT NULL,
                document TEXT NOT NULL,
                sent_count BIGINT NOT NULL DEFAULT 0,
                failed_count BIGINT NOT NULL DEFAULT 0,
                last_failure_at BIGINT,
                last_error TEXT
            )
            """,
            "CREATE UNIQUE INDEX senders_account_address ON senders (account_sid, address)",
            "CREATE INDEX senders_account ON senders (account_sid, seq)",
            "ALTER TABLE messages ADD COLUMN media_urls TEXT",
            "ALTER TABLE messages ADD COLUMN provider_message_id TEXT",
            "CREATE UNIQUE INDEX messages_provider_id ON messages (account_sid, provider_message_id)",
        ]
    }
}

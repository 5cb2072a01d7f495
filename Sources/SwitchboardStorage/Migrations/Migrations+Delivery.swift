extension Migrations {
    /// Version 4: messages, the outbox that delivers them and every webhook, and the sandbox's handsets.
    static let deliveryMigration = Migration(version: 4, name: "messages, outbox and sandbox") { flavor in
        [
            """
            CREATE TABLE messages (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                channel TEXT NOT NULL,
                direction TEXT NOT NULL,
                from_address TEXT NOT NULL,
                to_address TEXT NOT NULL,
                body TEXT NOT NULL,
                content_sid TEXT,
                content_variables TEXT,
                subject TEXT,
                status TEXT NOT NULL,
                error_code BIGINT,
                error_message TEXT,
                status_callback TEXT,
                origin TEXT NOT NULL,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL,
                date_sent BIGINT
            )
            """,
            "CREATE INDEX messages_account ON messages (account_sid, seq)",
            "CREATE INDEX messages_account_to ON messages (account_sid, to_address, seq)",
            "CREATE INDEX messages_account_from ON messages (account_sid, from_address, seq)",
            """
            CREATE TABLE outbox (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                method TEXT NOT NULL,
                body_format TEXT,
                body TEXT,
                purpose TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                first_attempt_at BIGINT,
                next_attempt_at BIGINT NOT NULL,
                lease_until BIGINT,
                last_error TEXT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
            "CREATE INDEX outbox_account ON outbox (account_sid, status, seq)",
            """
            CREATE TABLE sandbox_deliveries (
                seq \(flavor.sequencePrimaryKey),
                message_sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                address TEXT NOT NULL,
                channel TEXT NOT NULL,
                from_address TEXT NOT NULL,
                to_address TEXT NOT NULL,
                body TEXT NOT NULL,
                content_sid TEXT,
                content_variables TEXT,
                subject TEXT,
                status TEXT NOT NULL,
                error_code BIGINT,
                date_created BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sandbox_deliveries_address ON sandbox_deliveries (account_sid, address, seq)",
            """
            CREATE TABLE sandbox_failure_rules (
                seq \(flavor.sequencePrimaryKey),
                account_sid TEXT NOT NULL,
                address TEXT NOT NULL,
                status TEXT NOT NULL,
                error_code BIGINT NOT NULL,
                date_created BIGINT NOT NULL,
                UNIQUE (account_sid, address)
            )
            """,
        ]
    }
}

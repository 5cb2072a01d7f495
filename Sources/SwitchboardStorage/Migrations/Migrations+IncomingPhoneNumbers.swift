extension Migrations {
    /// Version 19: API 2010's IncomingPhoneNumbers, found by the number an inbound message was sent to, and the
    /// fallback method of a webhook call, since a number's `SmsFallbackMethod` may differ from its `SmsMethod`.
    static let incomingPhoneNumbersMigration = Migration(version: 19, name: "incoming phone numbers and webhook fallback methods") { flavor in
        [
            """
            CREATE TABLE incoming_phone_numbers (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                phone_number TEXT NOT NULL,
                friendly_name TEXT NOT NULL,
                document TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX incoming_phone_numbers_number ON incoming_phone_numbers (account_sid, phone_number)",
            "CREATE INDEX incoming_phone_numbers_account ON incoming_phone_numbers (account_sid, seq)",
            "ALTER TABLE outbox ADD COLUMN fallback_method TEXT",
        ]
    }
}

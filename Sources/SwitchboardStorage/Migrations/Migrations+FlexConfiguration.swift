extension Migrations {
    /// Version 17: each account's Flex configuration, as the JSON object of what clients set through
    /// `POST /v1/Configuration`; one row per account, read and written whole.
    static let flexConfigurationMigration = Migration(version: 17, name: "flex configuration") { _ in
        [
            """
            CREATE TABLE flex_configurations (
                account_sid TEXT PRIMARY KEY REFERENCES accounts (sid),
                settings TEXT NOT NULL,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
        ]
    }
}

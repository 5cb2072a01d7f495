extension Migrations {
    /// Version 15: Conversations services. A conversation names its service; `NULL` means the account's default
    /// service, so every path that opens conversations without knowing of services keeps working. The account's
    /// `Configuration` and each service's configuration are documents keyed by the account or service SID.
    static let conversationServicesMigration = Migration(version: 15, name: "conversations services and configuration") { flavor in
        func table(_ name: String) -> String {
            """
            CREATE TABLE \(name) (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                document TEXT NOT NULL
            )
            """
        }
        return [
            "ALTER TABLE conversations ADD COLUMN chat_service_sid TEXT",
            "CREATE INDEX conversations_service ON conversations (account_sid, chat_service_sid, seq)",
            table("conversation_account_configurations"),
            table("conversation_service_configurations"),
        ]
    }
}

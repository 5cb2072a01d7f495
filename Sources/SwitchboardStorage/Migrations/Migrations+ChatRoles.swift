extension Migrations {
    /// Version 14: Chat and Conversations roles, channel invites and push credentials. Each is a JSON document
    /// beside the columns it is looked up by, as the other Chat tables are; an invite is unique per channel and
    /// identity, so two concurrent invites of one identity cannot both be stored.
    static let chatRolesMigration = Migration(version: 14, name: "chat roles, invites and push credentials") { flavor in
        func table(_ name: String, _ columns: String, unique: String? = nil) -> String {
            """
            CREATE TABLE \(name) (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                \(columns)
                document TEXT NOT NULL\(unique.map { ",\n    UNIQUE (\($0))" } ?? "")
            )
            """
        }
        return [
            table("chat_roles", "service_sid TEXT NOT NULL,"),
            "CREATE INDEX chat_roles_service ON chat_roles (service_sid, seq)",
            table("chat_invites", "service_sid TEXT NOT NULL, channel_sid TEXT NOT NULL, identity TEXT NOT NULL,", unique: "channel_sid, identity"),
            "CREATE INDEX chat_invites_channel ON chat_invites (channel_sid, seq)",
            table("push_credentials", ""),
            "CREATE INDEX push_credentials_account ON push_credentials (account_sid, seq)",
        ]
    }
}

extension Migrations {
    /// Version 8: Programmable Chat, Proxy and Flex Channels. Each resource is a JSON document beside the columns
    /// it is looked up, threaded or expired by, so the relays query indexes and never parse documents to search.
    static let proxyMigration = Migration(version: 8, name: "chat, proxy and flex channels") { flavor in
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
            table("chat_services", ""),
            "CREATE INDEX chat_services_account ON chat_services (account_sid, seq)",
            table("chat_users", "service_sid TEXT NOT NULL, identity TEXT NOT NULL,", unique: "service_sid, identity"),
            "CREATE INDEX chat_users_service ON chat_users (service_sid, seq)",
            table("chat_channels", "service_sid TEXT NOT NULL, unique_name TEXT, type TEXT NOT NULL,", unique: "service_sid, unique_name"),
            "CREATE INDEX chat_channels_service ON chat_channels (service_sid, seq)",
            table("chat_members", "service_sid TEXT NOT NULL, channel_sid TEXT NOT NULL, identity TEXT NOT NULL,", unique: "channel_sid, identity"),
            "CREATE INDEX chat_members_channel ON chat_members (channel_sid, seq)",
            "CREATE INDEX chat_members_identity ON chat_members (service_sid, identity)",
            table("chat_messages", "channel_sid TEXT NOT NULL, message_index BIGINT NOT NULL,"),
            "CREATE INDEX chat_messages_channel ON chat_messages (channel_sid, seq)",
            table("chat_webhooks", "channel_sid TEXT NOT NULL,"),
            "CREATE INDEX chat_webhooks_channel ON chat_webhooks (channel_sid, seq)",
            table("proxy_services", "unique_name TEXT NOT NULL,", unique: "account_sid, unique_name"),
            "CREATE INDEX proxy_services_account ON proxy_services (account_sid, seq)",
            table("proxy_phone_numbers", "service_sid TEXT NOT NULL, phone_number TEXT NOT NULL,", unique: "service_sid, phone_number"),
            "CREATE INDEX proxy_phone_numbers_service ON proxy_phone_numbers (service_sid, seq)",
            "CREATE INDEX proxy_phone_numbers_number ON proxy_phone_numbers (account_sid, phone_number)",
            table("proxy_sessions", "service_sid TEXT NOT NULL, unique_name TEXT, status TEXT NOT NULL, expires_at BIGINT,", unique: "service_sid, unique_name"),
            "CREATE INDEX proxy_sessions_service ON proxy_sessions (service_sid, seq)",
            "CREATE INDEX proxy_sessions_expiry ON proxy_sessions (status, expires_at)",
            table("proxy_participants", "session_sid TEXT NOT NULL, identifier TEXT NOT NULL, proxy_identifier TEXT NOT NULL,"),
            "CREATE INDEX proxy_participants_session ON proxy_participants (session_sid, seq)",
            "CREATE INDEX proxy_participants_pair ON proxy_participants (account_sid, identifier, proxy_identifier)",
            table("proxy_interactions", "session_sid TEXT NOT NULL, inbound_participant_sid TEXT, outbound_participant_sid TEXT NOT NULL,"),
            "CREATE INDEX proxy_interactions_session ON proxy_interactions (session_sid, seq)",
            table("flex_channels", "flex_flow_sid TEXT NOT NULL, identity TEXT NOT NULL, task_sid TEXT,"),
            "CREATE INDEX flex_channels_account ON flex_channels (account_sid, seq)",
            "CREATE INDEX flex_channels_flow_identity ON flex_channels (flex_flow_sid, identity)",
            "CREATE INDEX flex_channels_task ON flex_channels (task_sid)",
        ]
    }
}

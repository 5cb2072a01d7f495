extension Migrations {
    /// Version 7: Conversations (conversations, participants, messages, webhooks, address configurations), Flex
    /// interactions (interactions, their channels, participants, transfers and the tasks working them) and Content templates.
    static let conversationsMigration = Migration(version: 7, name: "conversations, interactions and content") { flavor in
        [
            """
            CREATE TABLE conversations (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                friendly_name TEXT,
                unique_name TEXT,
                attributes TEXT NOT NULL,
                state TEXT NOT NULL,
                date_inactive BIGINT,
                date_closed BIGINT,
                inactive_after BIGINT,
                closed_after BIGINT,
                next_message_index BIGINT NOT NULL,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX conversations_account ON conversations (account_sid, seq)",
            "CREATE INDEX conversations_unique_name ON conversations (account_sid, unique_name)",
            "CREATE INDEX conversations_date_closed ON conversations (date_closed)",
            "CREATE INDEX conversations_date_inactive ON conversations (date_inactive)",
            """
            CREATE TABLE conversation_participants (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                conversation_sid TEXT NOT NULL REFERENCES conversations (sid) ON DELETE CASCADE,
                identity TEXT,
                binding_channel TEXT,
                address TEXT,
                proxy_address TEXT,
                attributes TEXT NOT NULL,
                last_inbound_at BIGINT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX conversation_participants_conversation ON conversation_participants (conversation_sid, seq)",
            "CREATE INDEX conversation_participants_address ON conversation_participants (account_sid, address, seq)",
            "CREATE INDEX conversation_participants_identity ON conversation_participants (account_sid, identity, seq)",
            """
            CREATE TABLE conversation_messages (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                conversation_sid TEXT NOT NULL REFERENCES conversations (sid) ON DELETE CASCADE,
                message_index BIGINT NOT NULL,
                author TEXT NOT NULL,
                body TEXT,
                attributes TEXT NOT NULL,
                participant_sid TEXT,
                content_sid TEXT,
                content_variables TEXT,
                subject TEXT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL,
                UNIQUE (conversation_sid, message_index)
            )
            """,
            "CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_sid, seq)",
            // Delivery receipts read the channel messages a conversation message caused.
            "CREATE INDEX messages_origin ON messages (origin)",
            """
            CREATE TABLE interactions (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                channel TEXT NOT NULL,
                routing TEXT NOT NULL,
                interaction_context_sid TEXT,
                webhook_ttid TEXT,
                date_created BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE interaction_channels (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                interaction_sid TEXT NOT NULL REFERENCES interactions (sid) ON DELETE CASCADE,
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                conversation_sid TEXT NOT NULL,
                initiated_by TEXT NOT NULL,
                error_code BIGINT,
                error_message TEXT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX interaction_channels_interaction ON interaction_channels (interaction_sid, seq)",
            "CREATE INDEX interaction_channels_conversation ON interaction_channels (conversation_sid, seq)",
            """
            CREATE TABLE interaction_tasks (
                seq \(flavor.sequencePrimaryKey),
                account_sid TEXT NOT NULL,
                interaction_sid TEXT NOT NULL,
                channel_sid TEXT NOT NULL REFERENCES interaction_channels (sid) ON DELETE CASCADE,
                workspace_sid TEXT NOT NULL,
                task_sid TEXT NOT NULL UNIQUE,
                invite_sid TEXT,
                routing TEXT NOT NULL,
                date_created BIGINT NOT NULL
            )
            """,
            "CREATE INDEX interaction_tasks_channel ON interaction_tasks (channel_sid, seq)",
            """
            CREATE TABLE content_templates (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                friendly_name TEXT NOT NULL,
                language TEXT NOT NULL,
                variables TEXT NOT NULL,
                types TEXT NOT NULL,
                approval_name TEXT,
                approval_category TEXT,
                approval_status TEXT NOT NULL,
                rejection_reason TEXT NOT NULL,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX content_templates_account ON content_templates (account_sid, seq)",
            """
            CREATE TABLE interaction_participants (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                interaction_sid TEXT NOT NULL,
                channel_sid TEXT NOT NULL REFERENCES interaction_channels (sid) ON DELETE CASCADE,
                type TEXT NOT NULL,
                media_properties TEXT NOT NULL,
                routing_properties TEXT,
                status TEXT,
                conversation_participant_sid TEXT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX interaction_participants_channel ON interaction_participants (channel_sid, seq)",
            """
            CREATE TABLE interaction_transfers (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                interaction_sid TEXT NOT NULL,
                channel_sid TEXT NOT NULL REFERENCES interaction_channels (sid) ON DELETE CASCADE,
                type TEXT NOT NULL,
                from_participant TEXT NOT NULL,
                to_target TEXT NOT NULL,
                task_sid TEXT NOT NULL,
                workspace_sid TEXT NOT NULL,
                date_created BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE conversation_addresses (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL REFERENCES accounts (sid),
                type TEXT NOT NULL,
                address TEXT NOT NULL,
                friendly_name TEXT,
                auto_creation_enabled \(flavor.boolean) NOT NULL,
                auto_creation_type TEXT NOT NULL,
                conversation_service_sid TEXT,
                webhook_url TEXT,
                webhook_method TEXT,
                webhook_filters TEXT NOT NULL,
                studio_flow_sid TEXT,
                studio_retry_count BIGINT,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL,
                UNIQUE (account_sid, type, address)
            )
            """,
            // The account's Configuration/Webhooks is the row without a conversation.
            """
            CREATE TABLE conversation_webhooks (
                seq \(flavor.sequencePrimaryKey),
                sid TEXT NOT NULL UNIQUE,
                account_sid TEXT NOT NULL,
                conversation_sid TEXT,
                target TEXT NOT NULL,
                url TEXT,
                pre_url TEXT,
                method TEXT NOT NULL,
                filters TEXT NOT NULL,
                triggers TEXT NOT NULL,
                date_created BIGINT NOT NULL,
                date_updated BIGINT NOT NULL
            )
            """,
            "CREATE INDEX conversation_webhooks_conversation ON conversation_webhooks (account_sid, conversation_sid, seq)",
        ]
    }
}

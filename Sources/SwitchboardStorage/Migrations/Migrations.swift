/// Every migration, in version order.
enum Migrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "accounts, api keys and flex flows") { flavor in
            [
                """
                CREATE TABLE accounts (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    owner_account_sid TEXT NOT NULL,
                    friendly_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    type TEXT NOT NULL,
                    auth_token TEXT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX accounts_owner ON accounts (owner_account_sid, seq)",
                """
                CREATE TABLE api_keys (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL REFERENCES accounts (sid),
                    friendly_name TEXT NOT NULL,
                    secret_digest TEXT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX api_keys_account ON api_keys (account_sid, seq)",
                """
                CREATE TABLE flex_flows (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL REFERENCES accounts (sid),
                    friendly_name TEXT NOT NULL,
                    chat_service_sid TEXT NOT NULL,
                    channel_type TEXT NOT NULL,
                    contact_identity TEXT,
                    enabled \(flavor.boolean) NOT NULL,
                    integration_type TEXT NOT NULL,
                    integration_flow_sid TEXT,
                    integration_url TEXT,
                    integration_workspace_sid TEXT,
                    integration_workflow_sid TEXT,
                    integration_channel TEXT,
                    integration_timeout BIGINT,
                    integration_priority BIGINT,
                    integration_creation_on_message \(flavor.boolean),
                    integration_retry_count BIGINT,
                    long_lived \(flavor.boolean) NOT NULL,
                    janitor_enabled \(flavor.boolean) NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX flex_flows_account ON flex_flows (account_sid, seq)",
                "CREATE INDEX flex_flows_account_name ON flex_flows (account_sid, friendly_name, seq)",
            ]
        },
        Migration(version: 2, name: "taskrouter configuration") { flavor in
            [
                """
                CREATE TABLE workspaces (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL REFERENCES accounts (sid),
                    friendly_name TEXT NOT NULL,
                    event_callback_url TEXT,
                    events_filter TEXT,
                    multi_task_enabled \(flavor.boolean) NOT NULL,
                    prioritize_queue_order TEXT NOT NULL,
                    default_activity_sid TEXT NOT NULL,
                    timeout_activity_sid TEXT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX workspaces_account ON workspaces (account_sid, seq)",
                """
                CREATE TABLE activities (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    friendly_name TEXT NOT NULL,
                    available \(flavor.boolean) NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX activities_name ON activities (workspace_sid, friendly_name)",
                "CREATE INDEX activities_workspace ON activities (workspace_sid, seq)",
                """
                CREATE TABLE task_channels (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    friendly_name TEXT NOT NULL,
                    unique_name TEXT NOT NULL,
                    channel_optimized_routing \(flavor.boolean),
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX task_channels_unique_name ON task_channels (workspace_sid, unique_name)",
                "CREATE INDEX task_channels_workspace ON task_channels (workspace_sid, seq)",
                """
                CREATE TABLE task_queues (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    friendly_name TEXT NOT NULL,
                    target_workers TEXT NOT NULL,
                    max_reserved_workers BIGINT NOT NULL,
                    task_order TEXT NOT NULL,
                    reservation_activity_sid TEXT,
                    assignment_activity_sid TEXT,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX task_queues_name ON task_queues (workspace_sid, friendly_name)",
                "CREATE INDEX task_queues_workspace ON task_queues (workspace_sid, seq)",
                """
                CREATE TABLE workflows (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    friendly_name TEXT NOT NULL,
                    configuration TEXT NOT NULL,
                    assignment_callback_url TEXT,
                    fallback_assignment_callback_url TEXT,
                    task_reservation_timeout BIGINT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX workflows_workspace ON workflows (workspace_sid, seq)",
                """
                CREATE TABLE workers (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    friendly_name TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    activity_sid TEXT NOT NULL,
                    date_status_changed BIGINT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX workers_name ON workers (workspace_sid, friendly_name)",
                "CREATE INDEX workers_workspace ON workers (workspace_sid, seq)",
                "CREATE INDEX workers_activity ON workers (workspace_sid, activity_sid)",
                """
                CREATE TABLE worker_channels (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    worker_sid TEXT NOT NULL REFERENCES workers (sid) ON DELETE CASCADE,
                    task_channel_sid TEXT NOT NULL,
                    task_channel_unique_name TEXT NOT NULL,
                    configured_capacity BIGINT NOT NULL,
                    available \(flavor.boolean) NOT NULL,
                    assigned_tasks BIGINT NOT NULL,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX worker_channels_pair ON worker_channels (worker_sid, task_channel_sid)",
            ]
        },
        Migration(version: 3, name: "taskrouter tasks, reservations and events") { flavor in
            [
                """
                CREATE TABLE tasks (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    workflow_sid TEXT,
                    task_queue_sid TEXT,
                    task_channel_sid TEXT NOT NULL,
                    task_channel_unique_name TEXT NOT NULL,
                    attributes TEXT NOT NULL,
                    priority BIGINT NOT NULL,
                    timeout BIGINT NOT NULL,
                    assignment_status TEXT NOT NULL,
                    reason TEXT,
                    step_filter_index BIGINT,
                    step_target_index BIGINT,
                    date_entered_step BIGINT,
                    task_queue_entered_date BIGINT,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX tasks_workspace ON tasks (workspace_sid, seq)",
                "CREATE INDEX tasks_status ON tasks (workspace_sid, assignment_status, seq)",
                """
                CREATE TABLE reservations (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    task_sid TEXT NOT NULL REFERENCES tasks (sid) ON DELETE CASCADE,
                    task_channel_sid TEXT NOT NULL,
                    worker_sid TEXT NOT NULL REFERENCES workers (sid) ON DELETE CASCADE,
                    worker_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    expires_at BIGINT,
                    date_created BIGINT NOT NULL,
                    date_updated BIGINT NOT NULL
                )
                """,
                "CREATE INDEX reservations_task ON reservations (task_sid, seq)",
                "CREATE INDEX reservations_worker ON reservations (worker_sid, seq)",
                "CREATE INDEX reservations_status ON reservations (workspace_sid, status)",
                """
                CREATE TABLE events (
                    seq \(flavor.sequencePrimaryKey),
                    sid TEXT NOT NULL UNIQUE,
                    account_sid TEXT NOT NULL,
                    workspace_sid TEXT NOT NULL REFERENCES workspaces (sid) ON DELETE CASCADE,
                    event_type TEXT NOT NULL,
                    resource_type TEXT NOT NULL,
                    resource_sid TEXT NOT NULL,
                    task_sid TEXT,
                    worker_sid TEXT,
                    description TEXT NOT NULL,
                    event_data TEXT NOT NULL,
                    event_date_ms BIGINT NOT NULL,
                    date_created BIGINT NOT NULL
                )
                """,
                "CREATE INDEX events_workspace ON events (workspace_sid, seq)",
            ]
        },
        deliveryMigration,
        outboxOrderingMigration,
        historyIndexesMigration,
        conversationsMigration,
        proxyMigration,
        outboxHistoryMigration,
        sealedKeySecretsMigration,
        agentFeedMigration,
        sandboxFeedMigration,
        declinedOffersMigration,
        chatRolesMigration,
        conversationServicesMigration,
        participantReadStateMigration,
        flexConfigurationMigration,
        sendersMigration,
        incomingPhoneNumbersMigration,
    ]
}

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
    ]
}

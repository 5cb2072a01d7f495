extension Migrations {
    /// Version 10: an API key keeps its secret sealed beside the digest, so the Access Tokens it signs can be
    /// verified. Keys made before this have none and cannot sign tokens.
    static let sealedKeySecretsMigration = Migration(version: 10, name: "sealed api key secrets") { _ in
        [
            "ALTER TABLE api_keys ADD COLUMN sealed_secret TEXT",
        ]
    }
}

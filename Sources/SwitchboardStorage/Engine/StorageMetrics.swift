/// The names under which storage is measured through swift-metrics; `/metrics` describes each.
public enum StorageMetrics {
    /// How long write transactions take, from `BEGIN` to `COMMIT` or `ROLLBACK`.
    public static let transactionDuration = "switchboard_database_transaction_duration_seconds"
}

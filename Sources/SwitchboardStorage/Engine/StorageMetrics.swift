/// The names under which storage is measured through swift-metrics; `/metrics` describes each.
public enum StorageMetrics {
    /// How long units of work take to run inside their transaction.
    public static let transactionDuration = "switchboard_database_transaction_duration_seconds"
}

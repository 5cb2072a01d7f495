/// The names under which delivery is counted through swift-metrics; `/metrics` describes each.
public enum DeliveryMetrics {
    /// Deliveries that succeeded, by `channel` (`sms`, `whatsapp`, …, or `webhook`).
    public static let deliveries = "switchboard_outbox_deliveries_total"
    /// Attempts that failed, by `channel` and `outcome`: `retry` when another attempt follows, `failed` when none does.
    public static let failures = "switchboard_outbox_failures_total"
}

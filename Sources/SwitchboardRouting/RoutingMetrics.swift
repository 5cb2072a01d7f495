/// The names under which routing is counted through swift-metrics; `/metrics` describes each.
public enum RoutingMetrics {
    /// Reservations offered to workers, in every workspace.
    public static let reservationsCreated = "switchboard_reservations_created_total"
    /// Reservations that timed out unanswered.
    public static let reservationsTimedOut = "switchboard_reservations_timed_out_total"
}

/// Where a reservation (the offer of a task to one worker) is in its life.
public enum ReservationStatus: String, Sendable, CaseIterable {
    /// Offered, waiting for the worker's answer until the workflow's `TaskReservationTimeout`.
    case pending
    /// The worker took the task.
    case accepted
    /// The worker declined the task.
    case rejected
    /// No answer came before the reservation timeout.
    case timeout
    /// The task was canceled while the reservation was pending.
    case canceled
    /// Withdrawn by TaskRouter, as when another worker accepted the same task first.
    case rescinded
    /// The worker finished the main work and is wrapping up.
    case wrapping
    /// The work is done.
    case completed

    /// Whether the reservation can no longer change.
    public var isFinal: Bool {
        switch self {
        case .rejected, .timeout, .canceled, .rescinded, .completed: true
        case .pending, .accepted, .wrapping: false
        }
    }
}

/// Where a task is in its life, as Twilio's `assignment_status` reports it.
public enum TaskAssignmentStatus: String, Sendable, CaseIterable {
    /// Waiting for a worker; every task starts here.
    case pending
    /// Offered to a worker through a pending reservation.
    case reserved
    /// A worker accepted it and is working on it.
    case assigned
    /// Ended before it was assigned: by the API, its TTL, or by falling out of its workflow.
    case canceled
    /// Finished; with `canceled`, one of the two terminal states.
    case completed
    /// The worker finished the main work and is wrapping up.
    case wrapping

    /// Whether the task has ended and can no longer change.
    public var isTerminal: Bool { self == .canceled || self == .completed }

    /// Whether the task is still waiting to be assigned, so its TTL and its workflow still apply.
    public var isUnassigned: Bool { self == .pending || self == .reserved }
}

/// The typed parameters of a TaskQueue create or update; `nil` means the parameter was not sent.
public struct TaskQueueChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `TargetWorkers`, the expression text.
    public var targetWorkers: String?
    /// `MaxReservedWorkers`.
    public var maxReservedWorkers: Int?
    /// `TaskOrder`, unparsed so the rules can name a bad value.
    public var taskOrder: String?
    /// `ReservationActivitySid`; an empty value clears it.
    public var reservationActivitySid: String?
    /// `AssignmentActivitySid`; an empty value clears it.
    public var assignmentActivitySid: String?

    /// No changes.
    public init() {}
}

/// The typed parameters of a Workflow create or update; `nil` means the parameter was not sent.
public struct WorkflowChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `Configuration`, the JSON text.
    public var configuration: String?
    /// `AssignmentCallbackUrl`; an empty value clears it.
    public var assignmentCallbackUrl: String?
    /// `FallbackAssignmentCallbackUrl`; an empty value clears it.
    public var fallbackAssignmentCallbackUrl: String?
    /// `TaskReservationTimeout`, in seconds.
    public var taskReservationTimeout: Int?

    /// No changes.
    public init() {}
}

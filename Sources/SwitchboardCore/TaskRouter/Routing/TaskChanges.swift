/// The typed parameters of a Task create or update; `nil` means the parameter was not sent.
public struct TaskChanges: Sendable, Equatable {
    /// `Attributes`, JSON text.
    public var attributes: String?
    /// `Priority`.
    public var priority: Int?
    /// `Timeout`, in seconds.
    public var timeout: Int?
    /// `TaskChannel`, a SID or unique name; the caller resolves it to a channel.
    public var taskChannel: String?
    /// `WorkflowSid`; the caller resolves it (Twilio allows leaving it out when the workspace has one workflow).
    public var workflowSid: String?
    /// `TaskQueueSid`, for a task sent straight to a queue.
    public var taskQueueSid: String?
    /// `AssignmentStatus`, unparsed so the rules can name a bad value.
    public var assignmentStatus: String?
    /// `Reason`, required when canceling or completing.
    public var reason: String?

    /// No changes.
    public init() {}
}

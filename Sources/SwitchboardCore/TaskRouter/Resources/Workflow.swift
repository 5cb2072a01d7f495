public import struct Foundation.Date

/// A Workflow: the rules that match tasks to TaskQueues, with their priorities, timeouts and worker selection.
public struct Workflow: Sendable, Equatable {
    /// The `WW…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the workflow belongs to.
    public var workspaceSid: String
    /// The name given to the workflow.
    public var friendlyName: String
    /// The configuration JSON exactly as sent; it parsed and validated when it was saved.
    public var configuration: String
    /// Where TaskRouter posts each assignment, if anywhere.
    public var assignmentCallbackUrl: String?
    /// Where TaskRouter posts an assignment when the first URL fails.
    public var fallbackAssignmentCallbackUrl: String?
    /// Seconds a reservation waits for an answer before it times out.
    public var taskReservationTimeout: Int
    /// When the workflow was created.
    public var dateCreated: Date
    /// When the workflow last changed.
    public var dateUpdated: Date

    /// Creates a workflow value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, friendlyName: String, configuration: String,
        assignmentCallbackUrl: String?, fallbackAssignmentCallbackUrl: String?, taskReservationTimeout: Int,
        dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.friendlyName = friendlyName
        self.configuration = configuration
        self.assignmentCallbackUrl = assignmentCallbackUrl
        self.fallbackAssignmentCallbackUrl = fallbackAssignmentCallbackUrl
        self.taskReservationTimeout = taskReservationTimeout
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The configuration, parsed for routing.
    public func parsedConfiguration() throws(TwilioError) -> WorkflowConfiguration {
        try WorkflowConfiguration.parse(configuration)
    }
}

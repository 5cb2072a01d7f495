public import struct Foundation.Date

/// A TaskRouter task: one item of work, described by JSON attributes, that a workflow or a queue matches
/// with a worker. (Not `Task`: that name is Swift's.)
public struct TaskRouterTask: Sendable, Equatable {
    /// The `WT…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the task belongs to.
    public var workspaceSid: String
    /// The workflow routing the task; `nil` for a task sent straight to a queue with `TaskQueueSid`.
    public var workflowSid: String?
    /// The queue the task is in now; `nil` before its workflow has placed it.
    public var taskQueueSid: String?
    /// The TaskChannel, whose capacity the task takes up on the worker who accepts it.
    public var taskChannelSid: String
    /// The TaskChannel's unique name, such as `voice` or `default`.
    public var taskChannelUniqueName: String
    /// The attributes JSON exactly as sent; it parsed as an object when it was saved.
    public var attributes: String
    /// The current priority: what the API set, or the priority of the workflow target the task is in.
    public var priority: Int
    /// Seconds from creation until an unassigned task is canceled with reason `Task TTL Exceeded`.
    public var timeout: Int
    /// Where the task is in its life.
    public var assignmentStatus: TaskAssignmentStatus
    /// Why the task was canceled or completed, once it was.
    public var reason: String?
    /// Where the task is in its workflow; `nil` before routing and for tasks sent straight to a queue.
    public var routingStep: RoutingStep?
    /// When the task entered its current target; the target's timeout counts from here.
    public var dateEnteredStep: Date?
    /// When the task entered its current queue (`task_queue_entered_date`).
    public var taskQueueEnteredDate: Date?
    /// When the task was created; its age counts from here.
    public var dateCreated: Date
    /// When the task last changed.
    public var dateUpdated: Date

    /// Creates a task value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, workflowSid: String?, taskQueueSid: String?,
        taskChannelSid: String, taskChannelUniqueName: String, attributes: String, priority: Int, timeout: Int,
        assignmentStatus: TaskAssignmentStatus, reason: String?, routingStep: RoutingStep?, dateEnteredStep: Date?,
        taskQueueEnteredDate: Date?, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.workflowSid = workflowSid
        self.taskQueueSid = taskQueueSid
        self.taskChannelSid = taskChannelSid
        self.taskChannelUniqueName = taskChannelUniqueName
        self.attributes = attributes
        self.priority = priority
        self.timeout = timeout
        self.assignmentStatus = assignmentStatus
        self.reason = reason
        self.routingStep = routingStep
        self.dateEnteredStep = dateEnteredStep
        self.taskQueueEnteredDate = taskQueueEnteredDate
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The attributes, parsed for expressions.
    public func parsedAttributes() throws(TwilioError) -> AttributeValue {
        try AttributeValue.parseAttributes(attributes)
    }

    /// Twilio's `age`: whole seconds since the task was created, never negative.
    public func age(at now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(dateCreated).rounded(.down)))
    }

    /// When the task's TTL runs out. Twilio's TTL counts from creation and ends only unassigned tasks:
    /// an assigned task is never canceled, so the engine checks `assignmentStatus.isUnassigned` as well.
    public var expiresAt: Date {
        dateCreated.addingTimeInterval(Double(timeout))
    }
}

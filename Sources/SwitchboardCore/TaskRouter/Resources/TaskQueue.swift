public import struct Foundation.Date

/// A TaskQueue: where tasks wait for a worker, and which workers may take them.
public struct TaskQueue: Sendable, Equatable {
    /// The `WQ…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the queue belongs to.
    public var workspaceSid: String
    /// The name given to the queue.
    public var friendlyName: String
    /// The worker selection expression exactly as sent; it parsed when it was saved.
    public var targetWorkers: String
    /// How many workers a task in the queue may have reservations with at once.
    public var maxReservedWorkers: Int
    /// Whether the oldest or the newest task is assigned first.
    public var taskOrder: QueueOrder
    /// The activity a worker moves to when a task from the queue is reserved for them.
    public var reservationActivitySid: String?
    /// The activity a worker moves to when a task from the queue is assigned to them.
    public var assignmentActivitySid: String?
    /// When the queue was created.
    public var dateCreated: Date
    /// When the queue last changed.
    public var dateUpdated: Date

    /// Creates a queue value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, friendlyName: String, targetWorkers: String,
        maxReservedWorkers: Int, taskOrder: QueueOrder, reservationActivitySid: String?, assignmentActivitySid: String?,
        dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.friendlyName = friendlyName
        self.targetWorkers = targetWorkers
        self.maxReservedWorkers = maxReservedWorkers
        self.taskOrder = taskOrder
        self.reservationActivitySid = reservationActivitySid
        self.assignmentActivitySid = assignmentActivitySid
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The parsed `TargetWorkers`, evaluated in the `targetWorkers` scope; `nil` when it is blank, which Twilio
    /// documents as "tasks wait in the queue", so no worker matches.
    public func parsedTargetWorkers() throws(TwilioError) -> TaskRouterExpression? {
        try TaskQueueRules.targetWorkersExpression(targetWorkers)
    }
}


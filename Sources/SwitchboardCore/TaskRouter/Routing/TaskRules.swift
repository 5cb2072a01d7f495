public import struct Foundation.Date

/// Twilio's validation and defaults for Tasks, and the `AssignmentStatus` changes a client may make.
public enum TaskRules {
    /// `Timeout` when none is given: 24 hours.
    public static let defaultTimeout = 86_400
    /// The longest `Timeout` Twilio accepts: the Task resource documents "up to a maximum of 2 weeks
    /// (1,209,600 seconds)", shorter than the 30 days `FlexFlowRules.maximumTaskTimeout` allows.
    public static let maximumTimeout = 1_209_600
    /// The largest `Priority`: Twilio documents 0 to 2^31 - 1.
    public static let maximumPriority = Int(Int32.max)
    /// The attributes of a task created without any.
    public static let defaultAttributes = "{}"
    /// The `reason` Twilio gives a task its TTL canceled (the `task.canceled` event's description).
    public static let ttlExceededReason = "Task TTL Exceeded"
    /// The `reason` given a task that passed the last step of its workflow without an accepted reservation.
    /// Twilio documents that such a task is canceled but not the text of its reason; this one is Switchboard's.
    public static let workflowTimeoutReason = "Workflow Timeout"

    /// Validates create parameters (attributes must be a JSON object, priority 0 to 2^31 - 1, timeout 1 second
    /// to 2 weeks) and builds a pending task. Resolving `TaskChannel` and `WorkflowSid` is the caller's; a task
    /// needs a workflow or a queue to be routed, so one of the two must be given.
    public static func create(
        _ changes: TaskChanges, sid: String, accountSid: String, workspaceSid: String, workflowSid: String?,
        taskQueueSid: String?, taskChannelSid: String, taskChannelUniqueName: String, now: Date
    ) throws(TwilioError) -> TaskRouterTask {
        let attributes = changes.attributes ?? defaultAttributes
        try AttributeValue.checkAttributes(attributes)
        let priority = try checkPriority(changes.priority ?? 0)
        let timeout = try checkTimeout(changes.timeout ?? defaultTimeout)
        if let workflowSid { try FlexFlowRules.checkReference(workflowSid, prefix: SidPrefix.workflow.rawValue, name: "WorkflowSid") }
        if let taskQueueSid { try FlexFlowRules.checkReference(taskQueueSid, prefix: SidPrefix.taskQueue.rawValue, name: "TaskQueueSid") }
        guard workflowSid != nil || taskQueueSid != nil else { throw .missingParameter("WorkflowSid") }
        return TaskRouterTask(
            sid: sid,
            accountSid: accountSid,
            workspaceSid: workspaceSid,
            workflowSid: workflowSid,
            taskQueueSid: taskQueueSid,
            taskChannelSid: taskChannelSid,
            taskChannelUniqueName: taskChannelUniqueName,
            attributes: attributes,
            priority: priority,
            timeout: timeout,
            assignmentStatus: .pending,
            reason: nil,
            routingStep: nil,
            dateEnteredStep: nil,
            // A task sent straight to a queue is in it from the start; a workflow places the others.
            taskQueueEnteredDate: taskQueueSid == nil ? nil : now,
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies an update: `Attributes`, `Priority`, `Timeout` and an `AssignmentStatus` change, exactly as Twilio
    /// allows them (see `TaskStatusChange`). A canceled or completed task changes no more. `Reason` is kept only
    /// with `canceled` or `completed`, the states it explains. `TaskChannel`, `WorkflowSid` and `TaskQueueSid`
    /// are not update parameters and are ignored here.
    ///
    /// Twilio's docs say that moving a task to `wrapping` or `completed` and changing its attributes takes two
    /// requests, so both in one request is refused rather than half applied. Re-routing a pending task whose
    /// attributes changed, and re-applying a target's priority over the one sent, is the engine's duty.
    public static func update(_ task: TaskRouterTask, with changes: TaskChanges, now: Date) throws(TwilioError) -> TaskRouterTask {
        guard !task.assignmentStatus.isTerminal else {
            throw .invalidParameter("Task \(task.sid) is \(task.assignmentStatus.rawValue) and can no longer be updated")
        }
        var updated = task
        let status = try changes.assignmentStatus.map { (raw) throws(TwilioError) in try TaskStatusChange.target(raw) }
        if let attributes = changes.attributes {
            if let status, status == .wrapping || status == .completed {
                throw .invalidParameter("Attributes cannot be updated in the same request that moves a task to \(status.rawValue); send two requests")
            }
            try AttributeValue.checkAttributes(attributes)
            updated.attributes = attributes
        }
        if let priority = changes.priority { updated.priority = try checkPriority(priority) }
        if let timeout = changes.timeout { updated.timeout = try checkTimeout(timeout) }
        if let status {
            try TaskStatusChange.check(from: task, to: status, reason: changes.reason)
            updated.assignmentStatus = status
            if status == .canceled || status == .completed { updated.reason = changes.reason }
        }
        if updated != task { updated.dateUpdated = now }
        return updated
    }

    /// Cancels an unassigned task on TaskRouter's own initiative, as when its TTL runs out
    /// (`ttlExceededReason`) or it falls out of its workflow (`workflowTimeoutReason`); `nil` when the task is
    /// no longer pending or reserved, since Twilio never cancels an assigned task.
    public static func cancel(_ task: TaskRouterTask, reason: String, now: Date) -> TaskRouterTask? {
        guard task.assignmentStatus.isUnassigned else { return nil }
        var canceled = task
        canceled.assignmentStatus = .canceled
        canceled.reason = reason
        canceled.dateUpdated = now
        return canceled
    }

    static func checkPriority(_ priority: Int) throws(TwilioError) -> Int {
        guard (0...maximumPriority).contains(priority) else {
            throw .invalidParameter("Priority must be between 0 and \(maximumPriority); got \(priority)")
        }
        return priority
    }

    static func checkTimeout(_ timeout: Int) throws(TwilioError) -> Int {
        guard (1...maximumTimeout).contains(timeout) else {
            throw .invalidParameter("Timeout must be between 1 and \(maximumTimeout) seconds; got \(timeout)")
        }
        return timeout
    }
}

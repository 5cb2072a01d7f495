/// One routing step of a filter, or the default filter: a queue and how workers in it are chosen.
public struct WorkflowTarget: Sendable, Hashable {
    /// `queue`: the TaskQueue SID, stored as given.
    public var queueSid: String
    /// `expression`, evaluated in the `workflowTarget` scope for the task against each worker; `nil` adds no condition.
    public var expression: TaskRouterExpression?
    /// `priority`: the task's priority while in this step; `nil` keeps the task's own.
    public var priority: Int?
    /// `timeout`: seconds before the task moves to the next step; `nil` waits until the task's own timeout.
    public var timeout: Int?
    /// `order_by`: how matching workers are ranked, first clause first; empty keeps Twilio's longest-idle order.
    public var orderBy: [WorkerOrdering]
    /// `skip_if`: when it holds and no reservation is made on entering the step, the task moves on at once.
    public var skipIf: TaskRouterExpression?
    /// `known_worker_sid` or `known_worker_friendly_name`: the one worker this step offers the task to.
    public var knownWorker: KnownWorker?

    /// Creates a target from its parts.
    public init(
        queueSid: String, expression: TaskRouterExpression? = nil, priority: Int? = nil, timeout: Int? = nil,
        orderBy: [WorkerOrdering] = [], skipIf: TaskRouterExpression? = nil, knownWorker: KnownWorker? = nil
    ) {
        self.queueSid = queueSid
        self.expression = expression
        self.priority = priority
        self.timeout = timeout
        self.orderBy = orderBy
        self.skipIf = skipIf
        self.knownWorker = knownWorker
    }
}

/// Known Agent Routing: the task attribute that names the worker to offer the task to.
///
/// Twilio's value is a reference such as `task.agent_sid`, not a literal SID, so one workflow serves every
/// task; the path resolves in the `workflowFilter` scope, where `task.` is optional.
public enum KnownWorker: Sendable, Hashable {
    /// `known_worker_sid`: the attribute holds the worker's `WK…` SID.
    case sid(AttributePath)
    /// `known_worker_friendly_name`: the attribute holds the worker's friendly name.
    case friendlyName(AttributePath)
}

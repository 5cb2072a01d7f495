/// A TaskQueue as routing sees it.
public struct RoutingQueue: Sendable {
    /// The `WQ…` SID.
    public var sid: String
    /// The parsed `TargetWorkers`; `nil` when blank, which Twilio documents as "tasks wait in the queue".
    public var targetWorkers: TaskRouterExpression?
    /// How many workers a task in the queue may hold reservations with at once (multi-reservation).
    public var maxReservedWorkers: Int
    /// Whether the oldest (FIFO) or the newest (LIFO) task of a priority is offered first.
    public var taskOrder: QueueOrder

    /// Creates a routing queue from its parts.
    public init(sid: String, targetWorkers: TaskRouterExpression?, maxReservedWorkers: Int, taskOrder: QueueOrder) {
        self.sid = sid
        self.targetWorkers = targetWorkers
        self.maxReservedWorkers = maxReservedWorkers
        self.taskOrder = taskOrder
    }

    /// The routing view of a stored queue; its `TargetWorkers` parsed when the queue was saved.
    public init(_ queue: TaskQueue) throws(TwilioError) {
        self.init(
            sid: queue.sid, targetWorkers: try queue.parsedTargetWorkers(), maxReservedWorkers: queue.maxReservedWorkers,
            taskOrder: queue.taskOrder)
    }
}

extension RoutingPlanner {
    /// The order in which waiting tasks are offered to workers, every queue treated as FIFO: higher priority
    /// first and, within a priority, the oldest first, as Twilio's "Task assignment precedence" documents.
    /// `priority` is the task's own, which `enter` keeps equal to its target's priority when the target sets one.
    public static func offerOrder(_ tasks: [TaskRouterTask]) -> [TaskRouterTask] {
        offerOrder(tasks, queueOrders: [:])
    }

    /// The offer order with each queue's `TaskOrder`: higher priority first; within a priority, tasks of queues
    /// whose order is the workspace's `PrioritizeQueueOrder` first (Twilio: "the type of TaskQueue to prioritize
    /// when Workers are receiving Tasks from both types"), then FIFO tasks oldest first and LIFO tasks newest
    /// first. Age counts from creation, since Twilio places a task that moved queues "by its age and priority".
    /// Queues not in `queueOrders`, and tasks in no queue, are FIFO. The SID settles exact ties.
    public static func offerOrder(
        _ tasks: [TaskRouterTask], queueOrders: [String: QueueOrder], prioritizing: QueueOrder = .fifo
    ) -> [TaskRouterTask] {
        tasks.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            let orderA = a.taskQueueSid.flatMap { queueOrders[$0] } ?? .fifo
            let orderB = b.taskQueueSid.flatMap { queueOrders[$0] } ?? .fifo
            if orderA != orderB { return orderA == prioritizing }
            if a.dateCreated != b.dateCreated {
                return orderA == .fifo ? a.dateCreated < b.dateCreated : a.dateCreated > b.dateCreated
            }
            return a.sid < b.sid
        }
    }
}

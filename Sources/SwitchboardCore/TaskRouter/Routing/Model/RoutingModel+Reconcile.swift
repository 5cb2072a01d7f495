extension RoutingModel {
    /// Brings the model to the workspace's state as read now, applying only what differs: a worker whose
    /// activity changed is moved, one whose attributes changed is re-indexed, a queue or workflow whose
    /// definition changed is recompiled, and everything else is left as it is. The result equals a model
    /// built fresh from the same state.
    public mutating func reconcile(
        multiTaskEnabled: Bool, activities: [String: Bool], workers: [RoutingModelWorker], queues: [RoutingQueue],
        workflows: [(sid: String, configuration: WorkflowConfiguration, reservationTimeout: Int)], waiting: [WaitingTask]
    ) {
        setMultiTaskEnabled(multiTaskEnabled)
        for sid in activityAvailability.keys where activities[sid] == nil { removeActivity(sid) }
        for (sid, available) in activities { upsertActivity(sid, available: available) }

        let present = Set(workers.map(\.sid))
        for sid in ids.keys where !present.contains(sid) { removeWorker(sid) }
        for worker in workers where self.worker(worker.sid) != worker { upsertWorker(worker) }

        let queueSids = Set(queues.map(\.sid))
        for sid in self.queues.keys where !queueSids.contains(sid) { removeQueue(sid) }
        for queue in queues {
            if let held = self.queues[queue.sid]?.queue, held.targetWorkers == queue.targetWorkers,
               held.maxReservedWorkers == queue.maxReservedWorkers, held.taskOrder == queue.taskOrder { continue }
            upsertQueue(queue)
        }

        let workflowSids = Set(workflows.map(\.sid))
        for sid in self.workflows.keys where !workflowSids.contains(sid) { removeWorkflow(sid) }
        for (sid, configuration, timeout) in workflows {
            if let held = self.workflows[sid], held.configuration == configuration, held.reservationTimeout == timeout { continue }
            upsertWorkflow(sid, configuration: configuration, reservationTimeout: timeout)
        }

        self.waiting = Dictionary(waiting.map { ($0.task.sid, $0) }, uniquingKeysWith: { _, last in last })
    }
}

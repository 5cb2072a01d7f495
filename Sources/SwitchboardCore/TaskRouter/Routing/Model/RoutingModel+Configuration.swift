extension RoutingModel {
    /// Adds an activity or changes whether it is available; its workers become ready or not at once.
    public mutating func upsertActivity(_ sid: String, available: Bool) {
        guard activityAvailability[sid] != available else { return }
        activityAvailability[sid] = available
        refreshWorkers(inActivity: sid)
    }

    /// Forgets an activity; a worker still in it counts as unavailable, as one in an unknown activity does.
    public mutating func removeActivity(_ sid: String) {
        guard activityAvailability.removeValue(forKey: sid) != nil else { return }
        refreshWorkers(inActivity: sid)
    }

    private mutating func refreshWorkers(inActivity activitySid: String) {
        for (id, worker) in slots.enumerated() where worker?.activitySid == activitySid {
            refreshReadiness(of: id, channels: [])
        }
    }

    /// Adds a queue or replaces one; its `TargetWorkers` is evaluated once for every worker the postings
    /// cannot rule out.
    public mutating func upsertQueue(_ queue: RoutingQueue) {
        var members = WorkerBitset(capacity: idCapacity)
        if let targetWorkers = queue.targetWorkers {
            let (slots, attributes) = (self.slots, attributesById)
            func check(_ id: Int) {
                if slots[id] != nil, targetWorkers.matches(worker: attributes[id]) { members.insert(id) }
            }
            if let candidates = CandidatePlan(targetWorkers, scope: .targetWorkers)
                .candidates(task: .emptyObject, postings: postings, capacity: idCapacity) {
                candidates.forEach(check)
            } else {
                for id in slots.indices { check(id) }
            }
        }
        queues[queue.sid] = ModelQueue(queue: queue, members: members)
    }

    /// Forgets a queue.
    public mutating func removeQueue(_ sid: String) {
        queues[sid] = nil
    }

    /// Each queue's task order, by SID: what the offer order reads.
    public var queueOrders: [String: QueueOrder] { queues.mapValues(\.queue.taskOrder) }

    /// The queue with this SID.
    public func queue(_ sid: String) -> RoutingQueue? {
        queues[sid]?.queue
    }

    /// Adds a workflow or replaces its configuration; target expressions are compiled here, once, and an
    /// `order_by` no target used before gets its order.
    public mutating func upsertWorkflow(_ sid: String, configuration: WorkflowConfiguration, reservationTimeout: Int) {
        workflows[sid] = CompiledWorkflow(configuration: configuration, reservationTimeout: reservationTimeout)
        refreshOrderSet()
    }

    /// Forgets a workflow; orders no target uses any more are dropped.
    public mutating func removeWorkflow(_ sid: String) {
        guard workflows.removeValue(forKey: sid) != nil else { return }
        refreshOrderSet()
    }

    /// A workflow's configuration and reservation timeout.
    public func workflow(_ sid: String) -> (configuration: WorkflowConfiguration, reservationTimeout: Int)? {
        workflows[sid].map { ($0.configuration, $0.reservationTimeout) }
    }

    mutating func refreshOrderSet() {
        let used = usedOrders()
        for orderBy in orders.keys where !used.contains(orderBy) { orders[orderBy] = nil }
        for orderBy in used where orders[orderBy] == nil {
            var order = WorkerOrder(orderBy: orderBy)
            order.placeAll(slots.enumerated().compactMap { id, worker in
                worker.map { (id, order.key(attributes: $0.attributes, idleSince: $0.idleSince, sid: $0.sid)) }
            })
            orders[orderBy] = order
        }
    }
}

extension RoutingModel {
    /// Up to this many eligible workers are ranked by comparing keys; more are found by walking the order.
    static let rankingLimit = 48

    /// The worker the task should be offered to now, or `nil`: the same worker `RoutingPlanner.chooseWorker`
    /// picks from the same state, found through the model's bitsets and orders.
    ///
    /// `queueSid` is the queue of the task's step (or its own queue when it has no workflow). The task's
    /// workflow and step select the target; a task with a workflow the model does not hold, or in a step that
    /// no longer exists, is offered to no one.
    public func chooseWorker(task: TaskRouterTask, attributes: AttributeValue, queueSid: String, excludedWorkers: Set<String>) -> String? {
        rankedWorkers(task: task, attributes: attributes, queueSid: queueSid, excludedWorkers: excludedWorkers, limit: 1).first
    }

    /// The first `limit` workers the task could be offered to now, first choice first, by the rules of
    /// `RoutingPlanner.rankedWorkers`.
    public func rankedWorkers(
        task: TaskRouterTask, attributes: AttributeValue, queueSid: String, excludedWorkers: Set<String>, limit: Int
    ) -> [String] {
        guard limit > 0, let queue = queues[queueSid], queue.queue.targetWorkers != nil,
              let ready = ready[task.taskChannelSid]
        else { return [] }
        var target: WorkflowTarget?
        var plan: CandidatePlan?
        if let step = task.routingStep, let workflowSid = task.workflowSid {
            guard let workflow = workflows[workflowSid],
                  let resolved = RoutingPlanner.target(of: step, in: workflow.configuration)
            else { return [] }
            target = resolved.target
            plan = workflow.plan(for: step)
        }
        var eligible = queue.members
        eligible.formIntersection(ready)
        if let knownWorker = target?.knownWorker {
            eligible.formIntersection(knownWorkers(knownWorker, attributes: attributes))
        } else if let plan, let narrowed = plan.candidates(task: attributes, postings: postings, capacity: idCapacity) {
            eligible.formIntersection(narrowed)
        }
        for sid in excludedWorkers { if let id = ids[sid] { eligible.remove(id) } }
        let expression = target?.expression
        let confirmed = { (id: Int) -> Bool in
            guard let expression else { return true }
            return expression.matches(task: attributes, worker: attributesById[id])
        }
        guard let order = orders[target?.orderBy ?? []] else { return [] }
        if eligible.count <= Self.rankingLimit {
            var found: [Int] = []
            eligible.forEach { id in if confirmed(id) { found.append(id) } }
            if limit == 1 {
                return found.min(by: order.precedes).map { [slots[$0]!.sid] } ?? []
            }
            return found.sorted(by: order.precedes).prefix(limit).map { slots[$0]!.sid }
        }
        var chosen: [String] = []
        for id in order.ids where eligible.contains(id) && confirmed(id) {
            chosen.append(slots[id]!.sid)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// The workers a known-worker target names for this task, as `RoutingPlanner.knownWorkers` resolves them.
    private func knownWorkers(_ knownWorker: KnownWorker, attributes: AttributeValue) -> WorkerBitset {
        let path: AttributePath
        switch knownWorker {
        case .sid(let reference), .friendlyName(let reference): path = reference
        }
        let (_, steps) = ExpressionScope.workflowFilter.locate(path)
        guard case .string(let value) = attributes.value(at: steps) else { return WorkerBitset() }
        switch knownWorker {
        case .sid:
            return WorkerBitset(ids[value].map { [$0] } ?? [], capacity: idCapacity)
        case .friendlyName:
            return namesakes[value]?.bitset(capacity: idCapacity) ?? WorkerBitset()
        }
    }

    /// How many of a queue's workers are in each kind of activity, as a target's `skip_if` sees them.
    public func workerCounts(inQueue queueSid: String) -> QueueWorkerCounts {
        var counts = QueueWorkerCounts()
        queues[queueSid]?.members.forEach { id in
            guard let worker = slots[id] else { return }
            counts.add(activitySid: worker.activitySid, available: activityAvailability[worker.activitySid] ?? false)
        }
        return counts
    }
}

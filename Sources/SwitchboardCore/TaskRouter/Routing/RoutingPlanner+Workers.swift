extension RoutingPlanner {
    /// The worker the task should be offered to now, or `nil`.
    ///
    /// Eligible, as Twilio describes a routing step: a worker the queue's `TargetWorkers` matches, whom the
    /// target's expression also matches (with `task.` and `worker.` attributes), in an available activity, with
    /// room on the task's channel (fewer tasks than its capacity there; without multitasking, no task at all),
    /// and not in `excludedWorkers` (those who rejected the task or let it time out). When the target names a
    /// known worker, only that worker, resolved from the task attribute the target names, can be eligible; one
    /// outside the queue is Twilio's error 40152, and the task waits in the step. Among the eligible, `order_by`
    /// and then the longest idle decide (`WorkerRanking`).
    ///
    /// `step` and `configuration` are `nil` for a task sent straight to a queue. A step that no longer exists
    /// in the configuration offers the task to no one. `index` must hold the same workers' attributes as
    /// `workers`: expressions are answered through it so that only plausible workers are evaluated.
    public static func chooseWorker(
        task: TaskRouterTask, attributes: AttributeValue, step: RoutingStep?, queue: RoutingQueue,
        configuration: WorkflowConfiguration?, workers: [String: RoutingWorker], index: WorkerIndex,
        excludedWorkers: Set<String>, multiTaskEnabled: Bool
    ) -> String? {
        guard let (target, eligible) = eligibleWorkers(
            task: task, attributes: attributes, step: step, queue: queue, configuration: configuration,
            workers: workers, index: index, excludedWorkers: excludedWorkers, multiTaskEnabled: multiTaskEnabled)
        else { return nil }
        return WorkerRanking(orderBy: target?.orderBy ?? []).first(of: eligible)?.sid
    }

    /// Every worker the task could be offered to now, first choice first, by the same rules as `chooseWorker`.
    /// For a queue with `MaxReservedWorkers` above 1 the engine reserves the first few at once (Twilio's
    /// multi-reservation), leaving out workers the task already has a pending reservation with.
    public static func rankedWorkers(
        task: TaskRouterTask, attributes: AttributeValue, step: RoutingStep?, queue: RoutingQueue,
        configuration: WorkflowConfiguration?, workers: [String: RoutingWorker], index: WorkerIndex,
        excludedWorkers: Set<String>, multiTaskEnabled: Bool
    ) -> [String] {
        guard let (target, eligible) = eligibleWorkers(
            task: task, attributes: attributes, step: step, queue: queue, configuration: configuration,
            workers: workers, index: index, excludedWorkers: excludedWorkers, multiTaskEnabled: multiTaskEnabled)
        else { return [] }
        return WorkerRanking(orderBy: target?.orderBy ?? []).sorted(eligible).map(\.sid)
    }

    /// The step's target and the workers eligible for the task, unordered; `nil` when nobody can be.
    private static func eligibleWorkers(
        task: TaskRouterTask, attributes: AttributeValue, step: RoutingStep?, queue: RoutingQueue,
        configuration: WorkflowConfiguration?, workers: [String: RoutingWorker], index: WorkerIndex,
        excludedWorkers: Set<String>, multiTaskEnabled: Bool
    ) -> (WorkflowTarget?, [RoutingWorker])? {
        // A blank TargetWorkers matches nobody: Twilio documents that tasks then wait in the queue.
        guard let targetWorkers = queue.targetWorkers else { return nil }
        var target: WorkflowTarget?
        if let step, let configuration {
            guard let resolved = self.target(of: step, in: configuration) else { return nil }
            target = resolved.target
        }
        let matching: Set<String>
        if let knownWorker = target?.knownWorker {
            matching = knownWorkers(knownWorker, attributes: attributes, workers: workers).filter { sid in
                guard let worker = workers[sid] else { return false }
                return targetWorkers.matches(worker: worker.attributes)
                    && (target?.expression?.matches(task: attributes, worker: worker.attributes) ?? true)
            }
        } else {
            matching = index.eligibleWorkers(queue: targetWorkers, target: target?.expression, task: attributes)
        }
        let eligible = matching.compactMap { sid -> RoutingWorker? in
            guard !excludedWorkers.contains(sid), let worker = workers[sid], worker.available,
                  worker.hasRoom(onChannel: task.taskChannelSid, multiTaskEnabled: multiTaskEnabled)
            else { return nil }
            return worker
        }
        return eligible.isEmpty ? nil : (target, eligible)
    }

    /// The workers a known-worker target names for this task: the worker whose SID, or whose friendly name,
    /// is the value of the task attribute the target refers to. A missing, null or non-string value names no
    /// one; Twilio documents that the task then stays in the step until its timeout, `skip_if` or TTL.
    /// A SID is a direct lookup; a friendly name is compared against each worker's name, the one thing the
    /// attribute index cannot answer.
    static func knownWorkers(_ knownWorker: KnownWorker, attributes: AttributeValue, workers: [String: RoutingWorker]) -> Set<String> {
        let path: AttributePath
        switch knownWorker {
        case .sid(let reference), .friendlyName(let reference): path = reference
        }
        // Known-worker references resolve like a filter expression: `task.` is optional.
        let (_, steps) = ExpressionScope.workflowFilter.locate(path)
        guard case .string(let value) = attributes.value(at: steps) else { return [] }
        switch knownWorker {
        case .sid:
            return workers[value] == nil ? [] : [value]
        case .friendlyName:
            return Set(workers.values.lazy.filter { $0.friendlyName == value }.map(\.sid))
        }
    }
}

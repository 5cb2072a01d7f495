public import struct Foundation.Date

/// One workspace's routing state held in memory and kept current by small changes, so that a routing decision
/// reads bitsets and one sorted order instead of loading and indexing every worker.
///
/// It holds, by dense worker id: each queue's members (its `TargetWorkers` evaluated once per worker or queue
/// change), the workers ready on each task channel (an available activity and room there, honouring
/// multitasking), the workers sorted in each `order_by` used by a workflow target, and the attribute postings
/// that narrow a target's expression for a task. Every change re-derives only what it touches; `init` derives
/// everything from scratch, and the two must agree (`digest`).
public struct RoutingModel: Sendable {
    /// A task waiting to be offered, with what routing needs beside it.
    public struct WaitingTask: Sendable, Equatable {
        /// The task as stored.
        public var task: TaskRouterTask
        /// Workers who rejected it or let it time out and have not come back to an available activity since.
        public var excluded: Set<String>
        /// Workers holding a pending reservation of it.
        public var holders: Set<String>

        /// Creates a waiting task from its parts.
        public init(task: TaskRouterTask, excluded: Set<String> = [], holders: Set<String> = []) {
            self.task = task
            self.excluded = excluded
            self.holders = holders
        }
    }

    /// A workflow's configuration with each target's expression compiled for the postings.
    struct CompiledWorkflow: Sendable {
        let configuration: WorkflowConfiguration
        let reservationTimeout: Int
        /// Per filter, per target: the plan of the target's expression, `nil` when it has none.
        let plans: [[CandidatePlan?]]

        init(configuration: WorkflowConfiguration, reservationTimeout: Int) {
            self.configuration = configuration
            self.reservationTimeout = reservationTimeout
            plans = configuration.filters.map { filter in
                filter.targets.map { target in target.expression.map { CandidatePlan($0, scope: .workflowTarget) } }
            }
        }

        func plan(for step: RoutingStep) -> CandidatePlan? {
            guard let filter = step.filterIndex, plans.indices.contains(filter), plans[filter].indices.contains(step.targetIndex)
            else { return nil }
            return plans[filter][step.targetIndex]
        }
    }

    /// A queue with its members.
    struct ModelQueue: Sendable {
        var queue: RoutingQueue
        var members: WorkerBitset
    }

    /// Whether a worker may hold tasks on several channels at once.
    public internal(set) var multiTaskEnabled: Bool
    /// Whether each activity SID is an available one.
    public internal(set) var activityAvailability: [String: Bool] = [:]
    /// Dense id of each worker SID.
    var ids: [String: Int] = [:]
    /// Workers by dense id; `nil` for a free id.
    var slots: [RoutingModelWorker?] = []
    /// Each worker's attributes by dense id, apart from the rest: a decision reads only these, and copying a whole
    /// worker out of `slots` would touch every one of its fields.
    var attributesById: [AttributeValue] = []
    /// Ids freed by removed workers, reused first so the bitsets stay short.
    var freeIds: [Int] = []
    var postings = WorkerPostings()
    /// Workers by friendly name, for `known_worker_friendly_name`.
    var namesakes: [String: WorkerIdSet] = [:]
    /// Workers that can take one more task of each channel now.
    var ready: [String: WorkerBitset] = [:]
    var queues: [String: ModelQueue] = [:]
    var workflows: [String: CompiledWorkflow] = [:]
    /// One order per `order_by` any target uses, and always the plain longest-idle order (`[]`).
    var orders: [[WorkerOrdering]: WorkerOrder] = [[]: WorkerOrder(orderBy: [])]
    /// Waiting tasks by SID.
    public internal(set) var waiting: [String: WaitingTask] = [:]

    /// An empty workspace.
    public init(multiTaskEnabled: Bool) {
        self.multiTaskEnabled = multiTaskEnabled
    }

    /// A model derived from scratch from the workspace's state.
    public init(
        multiTaskEnabled: Bool, activities: [String: Bool], workers: [RoutingModelWorker], queues: [RoutingQueue],
        workflows: [(sid: String, configuration: WorkflowConfiguration, reservationTimeout: Int)], waiting: [WaitingTask]
    ) {
        self.init(multiTaskEnabled: multiTaskEnabled)
        activityAvailability = activities
        for (sid, configuration, timeout) in workflows {
            self.workflows[sid] = CompiledWorkflow(configuration: configuration, reservationTimeout: timeout)
        }
        // Workers first with no orders and no queues, then each order sorted once and each queue evaluated once.
        orders = [:]
        for worker in workers { upsertWorker(worker) }
        refreshOrderSet()
        for queue in queues { upsertQueue(queue) }
        for task in waiting { self.waiting[task.task.sid] = task }
    }

    /// How many workers the model holds.
    public var workerCount: Int { ids.count }

    /// The worker with this SID.
    public func worker(_ sid: String) -> RoutingModelWorker? {
        ids[sid].flatMap { slots[$0] }
    }

    /// The number of ids in use or free: every bitset fits below it.
    var idCapacity: Int { slots.count }

    // MARK: Workers

    /// Adds a worker, or replaces everything the model holds about one.
    public mutating func upsertWorker(_ worker: RoutingModelWorker) {
        let id: Int
        if let existing = ids[worker.sid] {
            id = existing
            let previous = slots[id]!
            if previous.attributes != worker.attributes { postings.remove(id, attributes: previous.attributes) }
            if previous.friendlyName != worker.friendlyName { Self.remove(id, named: previous.friendlyName, from: &namesakes) }
            let attributesChanged = previous.attributes != worker.attributes
            slots[id] = worker
            attributesById[id] = worker.attributes
            if attributesChanged { postings.add(id, attributes: worker.attributes) }
            if previous.friendlyName != worker.friendlyName { namesakes[worker.friendlyName, default: WorkerIdSet()].insert(id) }
            if attributesChanged { refreshMembership(of: id) }
            refreshReadiness(of: id, channels: Set(previous.capacity.keys).union(previous.load.keys))
            if attributesChanged || previous.idleSince != worker.idleSince { refreshOrders(of: id) }
            return
        }
        if let free = freeIds.popLast() {
            id = free
            slots[id] = worker
            attributesById[id] = worker.attributes
        } else {
            id = slots.count
            slots.append(worker)
            attributesById.append(worker.attributes)
        }
        ids[worker.sid] = id
        postings.add(id, attributes: worker.attributes)
        namesakes[worker.friendlyName, default: WorkerIdSet()].insert(id)
        refreshMembership(of: id)
        refreshReadiness(of: id, channels: [])
        refreshOrders(of: id)
    }

    /// Forgets a worker; the SID may come back later as a new worker.
    public mutating func removeWorker(_ sid: String) {
        guard let id = ids.removeValue(forKey: sid), let worker = slots[id] else { return }
        postings.remove(id, attributes: worker.attributes)
        Self.remove(id, named: worker.friendlyName, from: &namesakes)
        for queueSid in queues.keys { queues[queueSid]!.members.remove(id) }
        for channel in ready.keys { ready[channel]!.remove(id) }
        for orderBy in orders.keys { orders[orderBy]!.remove(id) }
        slots[id] = nil
        attributesById[id] = .null
        freeIds.append(id)
    }

    /// Changes one worker in place and re-derives what the change touches.
    mutating func modifyWorker(_ sid: String, _ change: (inout RoutingModelWorker) -> Void) {
        guard var worker = worker(sid) else { return }
        change(&worker)
        upsertWorker(worker)
    }

    /// Moves a worker to another activity; `idleSince` is when the status changed, as the database records it.
    public mutating func setActivity(ofWorker sid: String, to activitySid: String, idleSince: Date) {
        modifyWorker(sid) {
            $0.activitySid = activitySid
            $0.idleSince = idleSince
        }
    }

    /// Sets a worker's capacity on one channel: the configured capacity, or 0 when the channel is unavailable.
    public mutating func setCapacity(ofWorker sid: String, channel: String, to capacity: Int) {
        modifyWorker(sid) { $0.capacity[channel] = capacity }
    }

    /// Sets how many tasks of a channel a worker holds now.
    public mutating func setLoad(ofWorker sid: String, channel: String, to load: Int) {
        modifyWorker(sid) { $0.load[channel] = load }
    }

    /// Enables or disables multitasking for the workspace.
    public mutating func setMultiTaskEnabled(_ enabled: Bool) {
        guard enabled != multiTaskEnabled else { return }
        multiTaskEnabled = enabled
        for id in ids.values { refreshReadiness(of: id, channels: []) }
    }

    // MARK: Derived state

    /// Re-evaluates every queue's `TargetWorkers` for one worker.
    mutating func refreshMembership(of id: Int) {
        guard let worker = slots[id] else { return }
        for queueSid in queues.keys {
            let member = queues[queueSid]!.queue.targetWorkers?.matches(worker: worker.attributes) ?? false
            queues[queueSid]!.members.set(id, to: member)
        }
    }

    /// Recomputes on which channels a worker can take one more task; `channels` are ones it may have been
    /// ready on before and must be cleared if no longer.
    mutating func refreshReadiness(of id: Int, channels previous: Set<String>) {
        guard let worker = slots[id] else { return }
        let available = activityAvailability[worker.activitySid] ?? false
        let routing = worker.routingWorker(available: available)
        for channel in previous.union(worker.capacity.keys) {
            let isReady = available && routing.hasRoom(onChannel: channel, multiTaskEnabled: multiTaskEnabled)
            if isReady { ready[channel, default: WorkerBitset()].insert(id) } else { ready[channel]?.remove(id) }
            if ready[channel]?.isEmpty == true { ready[channel] = nil }
        }
    }

    /// Moves a worker to its place in every order.
    mutating func refreshOrders(of id: Int) {
        guard let worker = slots[id] else { return }
        for orderBy in orders.keys {
            let key = orders[orderBy]!.key(attributes: worker.attributes, idleSince: worker.idleSince, sid: worker.sid)
            orders[orderBy]!.place(id, key: key)
        }
    }

    /// Every `order_by` the workflows' targets use, and the plain order.
    func usedOrders() -> Set<[WorkerOrdering]> {
        var used: Set<[WorkerOrdering]> = [[]]
        for workflow in workflows.values {
            // The default filter names only a queue, so its tasks are always offered in the plain order.
            for filter in workflow.configuration.filters { for target in filter.targets { used.insert(target.orderBy) } }
        }
        return used
    }

    private static func remove(_ id: Int, named name: String, from table: inout [String: WorkerIdSet]) {
        guard var set = table[name] else { return }
        set.remove(id)
        table[name] = set.count == 0 ? nil : set
    }
}

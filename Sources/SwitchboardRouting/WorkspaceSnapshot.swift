import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The rows one routing pass reads about a workspace, in one session: everything routing depends on, read
/// afresh each pass so that changes committed anywhere (the API, another `serve` process on the same
/// database) are seen. Attributes are parsed later, and only where their text changed (`WorkspaceRoutingModel`).
struct WorkspaceRows: Sendable {
    let workspace: Workspace
    let workers: [Worker]
    /// Whether each activity is available.
    let activities: [String: Bool]
    /// Configured capacity per worker and channel; 0 where the worker made the channel unavailable.
    let capacity: [String: [String: Int]]
    /// Live reservations per worker and channel.
    let load: [String: [String: Int]]
    /// When each worker last had a reservation change: idle time counts from the later of this and their status change.
    let lastBusy: [String: Date]
    let queues: [RoutingQueue]
    let workflows: [(sid: String, configuration: WorkflowConfiguration, reservationTimeout: Int)]
    /// Tasks that may be offered to one more worker, oldest first: the pending ones, and reserved ones whose
    /// queue reserves several workers at once (`MaxReservedWorkers` above 1) and has room for another.
    let pendingTasks: [TaskRouterTask]
    /// Workers each waiting task must not be offered to again: they rejected it or let it time out, and have not
    /// come back to an available activity since.
    let excluded: [String: Set<String>]
    /// Workers each waiting task is offered to right now, through a pending reservation.
    let holders: [String: Set<String>]

    /// The rows, or `nil` when no task waits and there is nothing to route.
    static func read(workspaceSid: String, session: any StorageSession) async throws -> WorkspaceRows? {
        let waiting = try await session.tasks.all(workspaceSid: workspaceSid, statuses: [.pending, .reserved])
        guard !waiting.isEmpty else { return nil }
        guard let workspace = try await session.workspaces.find(sid: workspaceSid, accountSid: waiting[0].accountSid) else { return nil }

        let maximum = PageRequest(size: PageRequest.maximumSize)
        var queues: [String: RoutingQueue] = [:]
        for queue in try await session.taskQueues.list(workspaceSid: workspaceSid, friendlyName: nil, page: maximum).items {
            queues[queue.sid] = RoutingQueue(sid: queue.sid, targetWorkers: try? queue.parsedTargetWorkers(),
                                             maxReservedWorkers: queue.maxReservedWorkers, taskOrder: queue.taskOrder)
        }
        // A reserved task takes another worker only in a multi-reservation queue with room left.
        let maxReserved = { (task: TaskRouterTask) in task.taskQueueSid.flatMap { queues[$0]?.maxReservedWorkers } ?? 1 }
        let multiReserved = waiting.filter { $0.assignmentStatus == .reserved && maxReserved($0) > 1 }
        let holders = try await session.reservations.pendingWorkers(taskSids: multiReserved.map(\.sid))
        let pending = waiting.filter { task in
            task.assignmentStatus == .pending
                || (maxReserved(task) > 1 && ReservationRules.mayReserveAnother(
                    pendingReservations: holders[task.sid]?.count ?? 0, maxReservedWorkers: maxReserved(task)))
        }
        guard !pending.isEmpty else { return nil }

        var availability: [String: Bool] = [:]
        for activity in try await session.activities.list(workspaceSid: workspaceSid, friendlyName: nil, available: nil, page: maximum).items {
            availability[activity.sid] = activity.available
        }
        var capacity: [String: [String: Int]] = [:]
        for channel in try await session.workers.allChannels(workspaceSid: workspaceSid) {
            capacity[channel.workerSid, default: [:]][channel.taskChannelSid] = channel.available ? channel.configuredCapacity : 0
        }
        // Only live reservations count against capacity, and only waiting tasks need their declined workers,
        // so these two queries do not grow with the workspace's history, nor does `lastActivity` (an index seek
        // per worker).
        let load = try await session.reservations.load(workspaceSid: workspaceSid)
        let excluded = try await session.reservations.declinedWorkers(taskSids: pending.map(\.sid))
        let lastBusy = try await session.reservations.lastActivity(workspaceSid: workspaceSid)
        let workers = try await session.workers.all(workspaceSid: workspaceSid)
        var workflows: [(sid: String, configuration: WorkflowConfiguration, reservationTimeout: Int)] = []
        for workflow in try await session.workflows.list(workspaceSid: workspaceSid, friendlyName: nil, page: maximum).items {
            if let configuration = try? workflow.parsedConfiguration() {
                workflows.append((workflow.sid, configuration, workflow.taskReservationTimeout))
            }
        }
        return WorkspaceRows(
            workspace: workspace, workers: workers, activities: availability, capacity: capacity, load: load, lastBusy: lastBusy,
            queues: Array(queues.values), workflows: workflows, pendingTasks: pending, excluded: excluded, holders: holders)
    }
}

/// The routing model the engine keeps for one workspace between passes, with the attribute text each worker's
/// parsed attributes came from: a pass parses and re-indexes only the workers whose attributes changed.
struct WorkspaceRoutingModel: Sendable {
    var model: RoutingModel
    private var attributeTexts: [String: String] = [:]

    /// An empty model.
    init(multiTaskEnabled: Bool) {
        model = RoutingModel(multiTaskEnabled: multiTaskEnabled)
    }

    /// Brings the model to what `rows` say, changing only what differs.
    mutating func sync(with rows: WorkspaceRows) {
        var texts: [String: String] = [:]
        let workers = rows.workers.map { worker -> RoutingModelWorker in
            texts[worker.sid] = worker.attributes
            let attributes: AttributeValue
            if attributeTexts[worker.sid] == worker.attributes, let held = model.worker(worker.sid) {
                // The same parsed value as the model holds, which also makes the model's comparison cheap.
                attributes = held.attributes
            } else {
                attributes = (try? worker.parsedAttributes()) ?? .emptyObject
            }
            return RoutingModelWorker(
                sid: worker.sid, friendlyName: worker.friendlyName, attributes: attributes, activitySid: worker.activitySid,
                capacity: rows.capacity[worker.sid] ?? [:], load: rows.load[worker.sid] ?? [:],
                idleSince: max(worker.dateStatusChanged, rows.lastBusy[worker.sid] ?? .distantPast))
        }
        attributeTexts = texts
        model.reconcile(
            multiTaskEnabled: rows.workspace.multiTaskEnabled, activities: rows.activities, workers: workers, queues: rows.queues,
            workflows: rows.workflows,
            waiting: rows.pendingTasks.map {
                RoutingModel.WaitingTask(task: $0, excluded: rows.excluded[$0.sid] ?? [], holders: rows.holders[$0.sid] ?? [])
            })
    }
}

/// Everything routing needs to know about one workspace during one pass: the synced routing model, and the
/// tasks to offer in this pass.
struct WorkspaceSnapshot {
    let workspace: Workspace
    /// The model, owned by the pass while it runs and handed back to the engine after.
    var kept: WorkspaceRoutingModel
    /// Tasks that may be offered to one more worker, oldest first.
    let pendingTasks: [TaskRouterTask]
    /// Workers the database said, during this pass, cannot take another task now.
    private var unavailable: Set<String> = []

    var model: RoutingModel { kept.model }

    /// The snapshot of `rows`, with `kept` brought up to date with them.
    init(rows: WorkspaceRows, kept: consuming WorkspaceRoutingModel) {
        // Synced in place and moved, never copied: a copy of a large model costs more than the sync.
        kept.sync(with: rows)
        workspace = rows.workspace
        self.kept = kept
        pendingTasks = rows.pendingTasks
    }

    /// A snapshot read in `session` with a model built for it alone.
    static func load(workspaceSid: String, session: any StorageSession) async throws -> WorkspaceSnapshot? {
        guard let rows = try await WorkspaceRows.read(workspaceSid: workspaceSid, session: session) else { return nil }
        return WorkspaceSnapshot(rows: rows, kept: WorkspaceRoutingModel(multiTaskEnabled: rows.workspace.multiTaskEnabled))
    }

    /// What to do with a waiting task now: reserve workers, cancel it, or let it wait.
    func decision(for task: TaskRouterTask, now: Date) -> RoutingDecision {
        guard let attributes = try? task.parsedAttributes() else { return .wait }
        var routed = task
        let queueSid: String
        if let workflowSid = task.workflowSid {
            guard let workflow = model.workflow(workflowSid) else { return .wait }
            if task.routingStep == nil {
                // A task that no filter takes falls out of its workflow, and Twilio cancels it.
                guard let step = RoutingPlanner.initialStep(for: attributes, configuration: workflow.configuration) else {
                    return .cancel(reason: TaskRules.workflowTimeoutReason)
                }
                guard let entered = enter(step, task: task, attributes: attributes, configuration: workflow.configuration,
                                          enteredAt: now, now: now) else { return .wait }
                routed = entered
            }
            guard let step = routed.routingStep, let target = RoutingPlanner.target(of: step, in: workflow.configuration) else { return .wait }
            queueSid = target.queueSid
        } else {
            guard let direct = task.taskQueueSid else { return .wait }
            queueSid = direct
            if routed.taskQueueEnteredDate == nil { routed.taskQueueEnteredDate = now }
        }
        let workerSids = candidates(for: routed, attributes: attributes, queueSid: queueSid)
        guard !workerSids.isEmpty else {
            return routed == task ? .wait : .enterStep(routed)
        }
        return .reserve(Offer(
            task: routed, workerSids: workerSids,
            reservationTimeout: task.workflowSid.flatMap { model.workflow($0)?.reservationTimeout } ?? WorkflowRules.defaultTaskReservationTimeout,
            autoAnswer: Self.autoAnswer(attributes)))
    }

    /// The task in `step` of its workflow, entered at `enteredAt`, past every target it skips at once.
    func enter(
        _ step: RoutingStep, task: TaskRouterTask, attributes: AttributeValue, configuration: WorkflowConfiguration,
        enteredAt: Date, now: Date
    ) -> TaskRouterTask? {
        RoutingPlanner.enterSkipping(
            step, task: task, configuration: configuration, attributes: attributes, enteredAt: enteredAt, now: now,
            counts: workerCounts(inQueue:),
            canOffer: { entered in
                guard let queueSid = entered.taskQueueSid else { return false }
                return !candidates(for: entered, attributes: attributes, queueSid: queueSid).isEmpty
            })
    }

    /// The workers to offer the task to now, first choice first: at most as many as its queue may still reserve
    /// (`MaxReservedWorkers` less the pending reservations the task holds), none of them already holding one.
    /// The task's own workflow and step choose the target, as the model holds them.
    func candidates(for task: TaskRouterTask, attributes: AttributeValue, queueSid: String) -> [String] {
        guard let queue = model.queue(queueSid) else { return [] }
        let waiting = model.waiting[task.sid]
        let holding = waiting?.holders ?? []
        let room = max(1, queue.maxReservedWorkers) - holding.count
        guard room > 0 else { return [] }
        let excludedWorkers = (waiting?.excluded ?? []).union(holding).union(unavailable)
        return model.rankedWorkers(task: task, attributes: attributes, queueSid: queueSid, excludedWorkers: excludedWorkers, limit: room)
    }

    /// How many of a queue's workers are in each kind of activity, as `skip_if` sees them.
    func workerCounts(inQueue queueSid: String) -> QueueWorkerCounts {
        model.workerCounts(inQueue: queueSid)
    }

    /// Counts a reservation the engine just made against the worker's capacity; the worker is no longer idle,
    /// and the task is now offered to them.
    mutating func record(_ task: TaskRouterTask, reservedFor workerSid: String, at now: Date) {
        kept.model.reservationCreated(taskSid: task.sid, workerSid: workerSid, channel: task.taskChannelSid, at: now)
    }

    /// Takes a worker out of this pass: the database said they cannot take another task now.
    mutating func markUnavailable(_ workerSid: String) {
        unavailable.insert(workerSid)
    }

    /// Flex's UI accepts a reservation at once when the task says `autoAnswer: "true"`.
    static func autoAnswer(_ attributes: AttributeValue) -> Bool {
        switch attributes.value(at: AttributePath(keys: ["autoAnswer"])) {
        case .bool(let value): value
        case .string(let value): value.lowercased() == "true"
        default: false
        }
    }
}

/// What routing does with one waiting task.
enum RoutingDecision {
    /// Reserve it for workers.
    case reserve(Offer)
    /// It entered its first step but no worker can take it yet: save where it is.
    case enterStep(TaskRouterTask)
    /// It cannot be routed at all.
    case cancel(reason: String)
    /// Nothing to do now.
    case wait
}

/// A decision to offer a task to workers.
struct Offer {
    /// The task as it will be saved: reserved, in its step and queue.
    let task: TaskRouterTask
    /// The workers to reserve, first choice first: one, or up to the queue's `MaxReservedWorkers` at once.
    let workerSids: [String]
    let reservationTimeout: Int
    let autoAnswer: Bool
}

import Foundation
import SwitchboardCore
import SwitchboardStorage

/// Everything routing needs to know about one workspace at one moment, read in one session.
struct WorkspaceSnapshot {
    let workspace: Workspace
    var workers: [String: RoutingWorker]
    var index: WorkerIndex
    var queues: [String: RoutingQueue]
    var workflows: [String: (workflow: Workflow, configuration: WorkflowConfiguration)]
    /// Each worker's activity SID, and whether each activity is available: what a target's `skip_if` counts.
    let workerActivities: [String: String]
    let activityAvailability: [String: Bool]
    /// Tasks that may be offered to one more worker, oldest first: the pending ones, and reserved ones whose
    /// queue reserves several workers at once (`MaxReservedWorkers` above 1) and has room for another.
    var pendingTasks: [TaskRouterTask]
    /// Workers each waiting task must not be offered to again: they rejected it or let it time out, and have not
    /// come back to an available activity since.
    var excluded: [String: Set<String>]
    /// Workers each waiting task is offered to right now, through a pending reservation.
    var holders: [String: Set<String>]

    static func load(workspaceSid: String, session: any StorageSession) async throws -> WorkspaceSnapshot? {
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
        var workers: [String: RoutingWorker] = [:]
        var activities: [String: String] = [:]
        var index = WorkerIndex()
        for worker in try await session.workers.all(workspaceSid: workspaceSid) {
            let attributes = (try? worker.parsedAttributes()) ?? .emptyObject
            workers[worker.sid] = RoutingWorker(
                sid: worker.sid, friendlyName: worker.friendlyName, attributes: attributes,
                available: availability[worker.activitySid] ?? false,
                capacity: capacity[worker.sid] ?? [:], load: load[worker.sid] ?? [:],
                idleSince: max(worker.dateStatusChanged, lastBusy[worker.sid] ?? .distantPast))
            activities[worker.sid] = worker.activitySid
            index.update(worker: worker.sid, attributes: attributes)
        }
        var workflows: [String: (Workflow, WorkflowConfiguration)] = [:]
        for workflow in try await session.workflows.list(workspaceSid: workspaceSid, friendlyName: nil, page: maximum).items {
            if let configuration = try? workflow.parsedConfiguration() { workflows[workflow.sid] = (workflow, configuration) }
        }
        return WorkspaceSnapshot(workspace: workspace, workers: workers, index: index, queues: queues, workflows: workflows,
                                 workerActivities: activities, activityAvailability: availability,
                                 pendingTasks: pending, excluded: excluded, holders: holders)
    }

    /// What to do with a waiting task now: reserve workers, cancel it, or let it wait.
    func decision(for task: TaskRouterTask, now: Date) -> RoutingDecision {
        guard let attributes = try? task.parsedAttributes() else { return .wait }
        var routed = task
        var configuration: WorkflowConfiguration?
        let queueSid: String
        if let workflowSid = task.workflowSid {
            guard let workflow = workflows[workflowSid] else { return .wait }
            configuration = workflow.configuration
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
        let workerSids = candidates(for: routed, attributes: attributes, queueSid: queueSid, configuration: configuration)
        guard !workerSids.isEmpty else {
            return routed == task ? .wait : .enterStep(routed)
        }
        return .reserve(Offer(
            task: routed, workerSids: workerSids,
            reservationTimeout: task.workflowSid.flatMap { workflows[$0]?.workflow.taskReservationTimeout } ?? WorkflowRules.defaultTaskReservationTimeout,
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
                return !candidates(for: entered, attributes: attributes, queueSid: queueSid, configuration: configuration).isEmpty
            })
    }

    /// The workers to offer the task to now, first choice first: at most as many as its queue may still reserve
    /// (`MaxReservedWorkers` less the pending reservations the task holds), none of them already holding one.
    func candidates(for task: TaskRouterTask, attributes: AttributeValue, queueSid: String, configuration: WorkflowConfiguration?) -> [String] {
        guard let queue = queues[queueSid] else { return [] }
        let holding = holders[task.sid] ?? []
        let room = max(1, queue.maxReservedWorkers) - holding.count
        guard room > 0 else { return [] }
        let excludedWorkers = (excluded[task.sid] ?? []).union(holding)
        if room == 1 {
            // One pass over the eligible workers; no need to sort them all.
            return RoutingPlanner.chooseWorker(
                task: task, attributes: attributes, step: task.routingStep, queue: queue, configuration: configuration,
                workers: workers, index: index, excludedWorkers: excludedWorkers, multiTaskEnabled: workspace.multiTaskEnabled
            ).map { [$0] } ?? []
        }
        return Array(RoutingPlanner.rankedWorkers(
            task: task, attributes: attributes, step: task.routingStep, queue: queue, configuration: configuration,
            workers: workers, index: index, excludedWorkers: excludedWorkers, multiTaskEnabled: workspace.multiTaskEnabled
        ).prefix(room))
    }

    /// How many of a queue's workers are in each kind of activity, as `skip_if` sees them.
    func workerCounts(inQueue queueSid: String) -> QueueWorkerCounts {
        guard let queue = queues[queueSid] else { return QueueWorkerCounts() }
        return QueueWorkerCounts(members: RoutingPlanner.members(of: queue, index: index), activities: workerActivities,
                                 availability: activityAvailability)
    }

    /// Counts a reservation the engine just made against the worker's capacity; the worker is no longer idle,
    /// and the task is now offered to them.
    mutating func record(_ task: TaskRouterTask, reservedFor workerSid: String, at now: Date) {
        workers[workerSid]?.load[task.taskChannelSid, default: 0] += 1
        workers[workerSid]?.idleSince = now
        holders[task.sid, default: []].insert(workerSid)
    }

    /// Takes a worker out of this pass: the database said they cannot take another task now.
    mutating func markUnavailable(_ workerSid: String) {
        workers[workerSid]?.available = false
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

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
    /// Tasks waiting for a worker, oldest first.
    var pendingTasks: [TaskRouterTask]
    /// Workers each waiting task must not be offered to again: they rejected it or let it time out.
    var excluded: [String: Set<String>]

    static func load(workspaceSid: String, session: any StorageSession) async throws -> WorkspaceSnapshot? {
        let statuses: [TaskAssignmentStatus] = [.pending]
        let pending = try await session.tasks.all(workspaceSid: workspaceSid, statuses: statuses)
        guard !pending.isEmpty else { return nil }
        guard let workspace = try await session.workspaces.find(sid: workspaceSid, accountSid: pending[0].accountSid) else { return nil }

        let maximum = PageRequest(size: PageRequest.maximumSize)
        var available: [String: Bool] = [:]
        for activity in try await session.activities.list(workspaceSid: workspaceSid, friendlyName: nil, available: nil, page: maximum).items {
            available[activity.sid] = activity.available
        }
        var capacity: [String: [String: Int]] = [:]
        for channel in try await session.workers.allChannels(workspaceSid: workspaceSid) {
            capacity[channel.workerSid, default: [:]][channel.taskChannelSid] = channel.available ? channel.configuredCapacity : 0
        }
        // Only live reservations count against capacity, and only waiting tasks need their declined workers,
        // so these two queries do not grow with the workspace's history (`lastActivity` still does).
        let load = try await session.reservations.load(workspaceSid: workspaceSid)
        let excluded = try await session.reservations.declinedWorkers(taskSids: pending.map(\.sid))
        let lastBusy = try await session.reservations.lastActivity(workspaceSid: workspaceSid)
        var workers: [String: RoutingWorker] = [:]
        var index = WorkerIndex()
        for worker in try await session.workers.all(workspaceSid: workspaceSid) {
            let attributes = (try? worker.parsedAttributes()) ?? .emptyObject
            workers[worker.sid] = RoutingWorker(
                sid: worker.sid, friendlyName: worker.friendlyName, attributes: attributes,
                available: available[worker.activitySid] ?? false,
                capacity: capacity[worker.sid] ?? [:], load: load[worker.sid] ?? [:],
                idleSince: max(worker.dateStatusChanged, lastBusy[worker.sid] ?? .distantPast))
            index.update(worker: worker.sid, attributes: attributes)
        }
        var queues: [String: RoutingQueue] = [:]
        for queue in try await session.taskQueues.list(workspaceSid: workspaceSid, friendlyName: nil, page: maximum).items {
            queues[queue.sid] = RoutingQueue(sid: queue.sid, targetWorkers: try? queue.parsedTargetWorkers(),
                                             maxReservedWorkers: queue.maxReservedWorkers, taskOrder: queue.taskOrder)
        }
        var workflows: [String: (Workflow, WorkflowConfiguration)] = [:]
        for workflow in try await session.workflows.list(workspaceSid: workspaceSid, friendlyName: nil, page: maximum).items {
            if let configuration = try? workflow.parsedConfiguration() { workflows[workflow.sid] = (workflow, configuration) }
        }
        return WorkspaceSnapshot(workspace: workspace, workers: workers, index: index, queues: queues,
                                 workflows: workflows, pendingTasks: pending, excluded: excluded)
    }

    /// What to do with a waiting task now: reserve a worker, cancel it, or let it wait.
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
                guard let entered = RoutingPlanner.enter(step, task: task, configuration: workflow.configuration, enteredAt: now, now: now) else { return .wait }
                routed = entered
            }
            guard let step = routed.routingStep, let target = RoutingPlanner.target(of: step, in: workflow.configuration) else { return .wait }
            queueSid = target.queueSid
        } else {
            guard let direct = task.taskQueueSid else { return .wait }
            queueSid = direct
            if routed.taskQueueEnteredDate == nil { routed.taskQueueEnteredDate = now }
        }
        guard let queue = queues[queueSid],
              let workerSid = RoutingPlanner.chooseWorker(
                task: routed, attributes: attributes, step: routed.routingStep, queue: queue, configuration: configuration,
                workers: workers, index: index, excludedWorkers: excluded[task.sid] ?? [], multiTaskEnabled: workspace.multiTaskEnabled)
        else {
            return routed == task ? .wait : .enterStep(routed)
        }
        return .reserve(Offer(
            task: routed, workerSid: workerSid,
            reservationTimeout: task.workflowSid.flatMap { workflows[$0]?.workflow.taskReservationTimeout } ?? WorkflowRules.defaultTaskReservationTimeout,
            autoAnswer: Self.autoAnswer(attributes)))
    }

    /// Counts a reservation the engine just made against the worker's capacity; the worker is no longer idle.
    mutating func record(_ offer: Offer, at now: Date) {
        workers[offer.workerSid]?.load[offer.task.taskChannelSid, default: 0] += 1
        workers[offer.workerSid]?.idleSince = now
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
    /// Reserve it for a worker.
    case reserve(Offer)
    /// It entered its first step but no worker can take it yet: save where it is.
    case enterStep(TaskRouterTask)
    /// It cannot be routed at all.
    case cancel(reason: String)
    /// Nothing to do now.
    case wait
}

/// A decision to reserve a task for a worker.
struct Offer {
    /// The task as it will be saved: reserved, in its step and queue.
    let task: TaskRouterTask
    let workerSid: String
    let reservationTimeout: Int
    let autoAnswer: Bool
}

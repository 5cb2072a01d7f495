import Foundation
import Testing
@testable import SwitchboardCore

/// What a routing model is derived from, kept plainly beside the model that the test changes step by step.
private struct World {
    var multiTaskEnabled = true
    var activities: [String: Bool] = [:]
    var workers: [String: RoutingModelWorker] = [:]
    var queues: [String: RoutingQueue] = [:]
    var workflows: [String: (configuration: WorkflowConfiguration, timeout: Int)] = [:]
    var waiting: [String: RoutingModel.WaitingTask] = [:]

    /// A model derived from scratch from this state.
    func freshModel() -> RoutingModel {
        RoutingModel(
            multiTaskEnabled: multiTaskEnabled, activities: activities, workers: Array(workers.values), queues: Array(queues.values),
            workflows: workflows.map { (sid: $0.key, configuration: $0.value.configuration, reservationTimeout: $0.value.timeout) },
            waiting: Array(waiting.values))
    }

    /// Brings `model` to this state through `reconcile`, as the engine does after reading the database.
    func reconcile(_ model: inout RoutingModel) {
        model.reconcile(
            multiTaskEnabled: multiTaskEnabled, activities: activities, workers: Array(workers.values), queues: Array(queues.values),
            workflows: workflows.map { (sid: $0.key, configuration: $0.value.configuration, reservationTimeout: $0.value.timeout) },
            waiting: Array(waiting.values))
    }

    /// The baseline decision: every worker evaluated, the eligible ones ranked by `WorkerRanking`.
    func scan(task: TaskRouterTask, attributes: AttributeValue, queueSid: String, excluded: Set<String>, limit: Int) -> [String] {
        guard let queue = queues[queueSid], let targetWorkers = queue.targetWorkers else { return [] }
        var target: WorkflowTarget?
        if let step = task.routingStep, let workflowSid = task.workflowSid {
            guard let workflow = workflows[workflowSid], let resolved = RoutingPlanner.target(of: step, in: workflow.configuration)
            else { return [] }
            target = resolved.target
        }
        let routing = workers.mapValues { $0.routingWorker(available: activities[$0.activitySid] ?? false) }
        let named = target?.knownWorker.map { RoutingPlanner.knownWorkers($0, attributes: attributes, workers: routing) }
        let eligible = routing.values.filter { worker in
            worker.available && worker.hasRoom(onChannel: task.taskChannelSid, multiTaskEnabled: multiTaskEnabled)
                && !excluded.contains(worker.sid) && (named?.contains(worker.sid) ?? true)
                && targetWorkers.matches(worker: worker.attributes)
                && (target?.expression?.matches(task: attributes, worker: worker.attributes) ?? true)
        }
        return Array(WorkerRanking(orderBy: target?.orderBy ?? []).sorted(eligible).prefix(limit).map(\.sid))
    }
}

/// Draws the operations, workers, queues, workflows and tasks of one run from a seed.
private struct ModelOperations {
    var sampler: RoutingSampler
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let workerSids = (0..<24).map { "WK\($0)" }
    static let names = ["ann", "bob", "cy", "dee"]
    static let activitySids = ["WA1", "WA2", "WA3", "WA4"]
    static let channels = ["TCvoice", "TCchat"]
    static let queueSids = (0..<5).map { "WQ\($0)" }
    static let workflowSids = ["WW0", "WW1", "WW2"]
    static let taskSids = (0..<6).map { "WT\($0)" }
    /// `1 == 1`: a queue every worker is in, so that many decisions have workers to choose between.
    static let everyone = TaskRouterExpression.comparison(Comparison(.constant(.number(1)), .equal, .constant(.number(1))))

    init(seed: UInt64) { sampler = RoutingSampler(generator: RoutingRandom(state: seed)) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &sampler.generator) }
    mutating func pick<Element>(_ elements: [Element]) -> Element { sampler.pick(elements) }
    mutating func chance(_ probability: Double) -> Bool { sampler.chance(probability) }
    mutating func date() -> Date { start.addingTimeInterval(Double(int(0...6))) }

    mutating func worker(_ sid: String) -> RoutingModelWorker {
        var capacity: [String: Int] = [:]
        var load: [String: Int] = [:]
        for channel in Self.channels {
            if chance(0.9) { capacity[channel] = int(0...3) }
            if chance(0.4) { load[channel] = int(0...2) }
        }
        return RoutingModelWorker(
            sid: sid, friendlyName: pick(Self.names), attributes: sampler.document(), activitySid: pick(Self.activitySids),
            capacity: capacity, load: load, idleSince: date())
    }

    mutating func queue(_ sid: String) -> RoutingQueue {
        RoutingQueue(
            sid: sid, targetWorkers: chance(0.15) ? nil : chance(0.5) ? Self.everyone : sampler.expression(scope: .targetWorkers),
            maxReservedWorkers: int(1...3), taskOrder: chance(0.5) ? .fifo : .lifo)
    }

    mutating func orderBy() -> [WorkerOrdering] {
        pick([
            [], [], [WorkerOrdering(sampler.path("level"), .descending)],
            [WorkerOrdering(sampler.path("worker.level"), .ascending), WorkerOrdering(sampler.path("address.city"), .descending)],
            [WorkerOrdering(sampler.path("flag"), .ascending)],
        ])
    }

    mutating func target() -> WorkflowTarget {
        var knownWorker: KnownWorker?
        if chance(0.15) { knownWorker = chance(0.5) ? .sid(sampler.path("task.agent")) : .friendlyName(sampler.path("agent_name")) }
        return WorkflowTarget(
            queueSid: pick(Self.queueSids), expression: chance(0.5) ? sampler.expression(scope: .workflowTarget) : nil,
            orderBy: orderBy(), knownWorker: knownWorker)
    }

    mutating func configuration() -> WorkflowConfiguration {
        let filters = (0..<int(1...2)).map { _ in
            WorkflowFilter(friendlyName: nil, expression: Self.everyone,
                           targets: (0..<int(1...2)).map { _ in target() })
        }
        return WorkflowConfiguration(filters: filters, defaultFilter: chance(0.7) ? WorkflowTarget(queueSid: pick(Self.queueSids)) : nil)
    }

    mutating func task(_ sid: String) -> TaskRouterTask {
        let steps: [RoutingStep?] = [nil, .defaultFilter, RoutingStep(filterIndex: 0, targetIndex: 0),
                                     RoutingStep(filterIndex: 0, targetIndex: 1), RoutingStep(filterIndex: 1, targetIndex: 0),
                                     RoutingStep(filterIndex: 4, targetIndex: 0)]
        return TaskRouterTask(
            sid: sid, accountSid: "AC1", workspaceSid: "WS1", workflowSid: chance(0.6) ? pick(Self.workflowSids + ["WW9"]) : nil,
            taskQueueSid: pick(Self.queueSids), taskChannelSid: pick(Self.channels), taskChannelUniqueName: "voice", attributes: "{}",
            priority: 0, timeout: 3600, assignmentStatus: .pending, reason: nil, routingStep: pick(steps), dateEnteredStep: start,
            taskQueueEnteredDate: start, dateCreated: start, dateUpdated: start)
    }

    /// A task's attributes, sometimes naming a worker by SID or friendly name for known-worker targets.
    mutating func taskAttributes() -> AttributeValue {
        guard case .object(var members) = sampler.document() else { return .emptyObject }
        if chance(0.7) { members["agent"] = .string(pick(Self.workerSids)) }
        if chance(0.7) { members["agent_name"] = .string(pick(Self.names)) }
        return .object(members)
    }

    /// Applies one random operation to both the model and the world, and says what it was.
    mutating func apply(to model: inout RoutingModel, _ world: inout World) -> String {
        let sid = pick(Self.workerSids)
        let channel = pick(Self.channels)
        let taskSid = pick(Self.taskSids)
        let now = date()
        switch int(0...18) {
        case 0, 1:
            let worker = worker(sid)
            model.upsertWorker(worker)
            world.workers[sid] = worker
            return "upsert worker \(sid)"
        case 2:
            guard var worker = world.workers[sid] else { return "no worker \(sid)" }
            worker.attributes = sampler.document()
            if chance(0.3) { worker.friendlyName = pick(Self.names) }
            model.upsertWorker(worker)
            world.workers[sid] = worker
            return "change attributes of \(sid)"
        case 3:
            model.removeWorker(sid)
            world.workers[sid] = nil
            return "remove worker \(sid)"
        case 4:
            let activity = pick(Self.activitySids)
            model.setActivity(ofWorker: sid, to: activity, idleSince: now)
            world.workers[sid]?.activitySid = activity
            world.workers[sid]?.idleSince = now
            return "move \(sid) to \(activity)"
        case 5:
            let capacity = int(0...2)
            model.setCapacity(ofWorker: sid, channel: channel, to: capacity)
            world.workers[sid]?.capacity[channel] = capacity
            return "capacity of \(sid) on \(channel) = \(capacity)"
        case 6:
            let load = int(0...3)
            model.setLoad(ofWorker: sid, channel: channel, to: load)
            world.workers[sid]?.load[channel] = load
            return "load of \(sid) on \(channel) = \(load)"
        case 7:
            model.reservationCreated(taskSid: taskSid, workerSid: sid, channel: channel, at: now)
            world.workers[sid]?.load[channel, default: 0] += 1
            world.workers[sid]?.idleSince = now
            world.waiting[taskSid]?.holders.insert(sid)
            return "reserve \(taskSid) for \(sid)"
        case 8:
            let status = pick([ReservationStatus.accepted, .rejected, .timeout, .canceled, .rescinded, .completed])
            model.reservationEnded(taskSid: taskSid, workerSid: sid, channel: channel, as: status)
            world.waiting[taskSid]?.holders.remove(sid)
            if status == .rejected || status == .timeout { world.waiting[taskSid]?.excluded.insert(sid) }
            if status != .accepted { Self.release(sid, channel, in: &world) }
            return "reservation of \(taskSid) by \(sid) \(status)"
        case 9:
            model.taskReleased(workerSid: sid, channel: channel)
            Self.release(sid, channel, in: &world)
            return "task of \(sid) on \(channel) ended"
        case 10:
            let activity = pick(Self.activitySids)
            let available = chance(0.75)
            model.upsertActivity(activity, available: available)
            world.activities[activity] = available
            return "activity \(activity) available \(available)"
        case 11:
            let activity = pick(Self.activitySids)
            model.removeActivity(activity)
            world.activities[activity] = nil
            return "remove activity \(activity)"
        case 12:
            let queue = queue(pick(Self.queueSids))
            model.upsertQueue(queue)
            world.queues[queue.sid] = queue
            return "upsert queue \(queue.sid): \(queue.targetWorkers?.description ?? "blank")"
        case 13:
            let queueSid = pick(Self.queueSids)
            model.removeQueue(queueSid)
            world.queues[queueSid] = nil
            return "remove queue \(queueSid)"
        case 14:
            let workflowSid = pick(Self.workflowSids)
            let configuration = configuration()
            model.upsertWorkflow(workflowSid, configuration: configuration, reservationTimeout: 120)
            world.workflows[workflowSid] = (configuration, 120)
            return "upsert workflow \(workflowSid)"
        case 15:
            let workflowSid = pick(Self.workflowSids)
            model.removeWorkflow(workflowSid)
            world.workflows[workflowSid] = nil
            return "remove workflow \(workflowSid)"
        case 16:
            let enabled = chance(0.5)
            model.setMultiTaskEnabled(enabled)
            world.multiTaskEnabled = enabled
            return "multitasking \(enabled)"
        case 17:
            if chance(0.3) {
                model.removeWaiting(taskSid)
                world.waiting[taskSid] = nil
                return "task \(taskSid) no longer waiting"
            }
            let waiting = RoutingModel.WaitingTask(task: task(taskSid))
            model.upsertWaiting(waiting)
            world.waiting[taskSid] = waiting
            return "task \(taskSid) waiting"
        default:
            model.workerReturned(sid)
            for key in world.waiting.keys { world.waiting[key]!.excluded.remove(sid) }
            return "\(sid) returned"
        }
    }

    /// A workspace to start from, built through the same operations: two available activities and an unavailable
    /// one, every queue, two workflows and half the workers, so that decisions soon have workers to choose.
    mutating func populate(_ model: inout RoutingModel, _ world: inout World) {
        for (activity, available) in [("WA1", true), ("WA2", true), ("WA3", false)] {
            model.upsertActivity(activity, available: available)
            world.activities[activity] = available
        }
        for queueSid in Self.queueSids {
            let queue = queue(queueSid)
            model.upsertQueue(queue)
            world.queues[queueSid] = queue
        }
        for workflowSid in Self.workflowSids.prefix(2) {
            let configuration = configuration()
            model.upsertWorkflow(workflowSid, configuration: configuration, reservationTimeout: 120)
            world.workflows[workflowSid] = (configuration, 120)
        }
        for sid in Self.workerSids.prefix(12) {
            let worker = worker(sid)
            model.upsertWorker(worker)
            world.workers[sid] = worker
        }
    }

    private static func release(_ sid: String, _ channel: String, in world: inout World) {
        guard world.workers[sid] != nil else { return }
        let remaining = max(0, (world.workers[sid]!.load[channel] ?? 0) - 1)
        world.workers[sid]!.load[channel] = remaining == 0 ? nil : remaining
    }
}

/// Where two digests differ, entry by entry, so that a failure says where to look.
private func differences(_ a: RoutingModelDigest, _ b: RoutingModelDigest) -> String {
    func compare<Key: Hashable, Value: Equatable>(_ name: String, _ left: [Key: Value], _ right: [Key: Value]) -> [String] {
        Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.map { key in
            "\(name)[\(key)]: \(left[key].map { String(describing: $0) } ?? "none") vs fresh \(right[key].map { String(describing: $0) } ?? "none")"
        }
    }
    var found = compare("workers", a.workers, b.workers) + compare("activities", a.activities, b.activities)
    found += compare("queues", a.queues, b.queues) + compare("members", a.members, b.members)
    found += compare("ready", a.ready, b.ready) + compare("orders", a.orders, b.orders)
    found += compare("scalars", a.scalars, b.scalars) + compare("elements", a.elements, b.elements)
    found += compare("namesakes", a.namesakes, b.namesakes) + compare("workflows", a.workflows, b.workflows)
    found += compare("waiting", a.waiting, b.waiting)
    if a.multiTaskEnabled != b.multiTaskEnabled { found.append("multiTaskEnabled") }
    return found.joined(separator: "; ")
}

@Suite struct RoutingModelPropertyTests {
    @Test(arguments: [1 as UInt64, 7, 20_261_202])
    func aModelChangedStepByStepEqualsOneBuiltFreshAndDecidesLikeAFullScan(seed: UInt64) async {
        var operations = ModelOperations(seed: seed)
        var world = World()
        var model = RoutingModel(multiTaskEnabled: true)
        // Reconciled with the world only now and then, so that each reconcile catches up on several changes.
        var reconciled = RoutingModel(multiTaskEnabled: true)
        operations.populate(&model, &world)
        var decisions = 0
        var decisionsWithWorkers = 0
        for step in 0..<600 {
            // Seconds of work without a suspension point would hold one of the few threads every other test shares.
            await Task.yield()
            let operation = operations.apply(to: &model, &world)
            let fresh = world.freshModel()
            let context = "seed \(seed), step \(step) (\(operation))"
            guard model.digest == fresh.digest else {
                Issue.record("\(context): the model differs from one built fresh: \(differences(model.digest, fresh.digest))")
                return
            }
            if operations.chance(0.3) {
                world.reconcile(&reconciled)
                guard reconciled.digest == fresh.digest else {
                    Issue.record("\(context): the reconciled model differs from one built fresh: \(differences(reconciled.digest, fresh.digest))")
                    return
                }
            }
            for _ in 0..<3 {
                let task = operations.task(operations.pick(ModelOperations.taskSids))
                let attributes = operations.taskAttributes()
                let queueSid = operations.pick(ModelOperations.queueSids)
                let excluded = Set(ModelOperations.workerSids.filter { _ in operations.chance(0.1) })
                let limit = operations.int(1...3)
                let expected = world.scan(task: task, attributes: attributes, queueSid: queueSid, excluded: excluded, limit: limit)
                let ranked = model.rankedWorkers(task: task, attributes: attributes, queueSid: queueSid, excludedWorkers: excluded, limit: limit)
                #expect(ranked == expected, "\(context): \(task.workflowSid ?? "-") \(String(describing: task.routingStep)) in \(queueSid)")
                let chosen = model.chooseWorker(task: task, attributes: attributes, queueSid: queueSid, excludedWorkers: excluded)
                #expect(chosen == expected.first, "\(context): chooseWorker")
                decisions += 1
                if !expected.isEmpty { decisionsWithWorkers += 1 }
            }
            for queueSid in ModelOperations.queueSids {
                let members = world.queues[queueSid].map { queue in
                    world.workers.values.filter { queue.targetWorkers?.matches(worker: $0.attributes) ?? false }.map(\.sid)
                } ?? []
                let counts = QueueWorkerCounts(
                    members: members, activities: world.workers.mapValues(\.activitySid), availability: world.activities)
                #expect(model.workerCounts(inQueue: queueSid) == counts, "\(context): counts of \(queueSid)")
            }
        }
        // Guard against a vacuous pass: many decisions must find workers to compare.
        #expect(decisionsWithWorkers >= decisions / 25, "seed \(seed): only \(decisionsWithWorkers) of \(decisions) decisions found a worker")
    }
}

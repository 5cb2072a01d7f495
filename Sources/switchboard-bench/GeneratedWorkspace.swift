import Foundation
import SwitchboardCore

/// A contact center of generated workers and queues with a realistic mix of expressions: skills (`HAS`),
/// teams and regions (`==`, `IN`), levels (comparisons), and seed 000's `targetWorker` pattern.
struct GeneratedWorkspace {
    static let skills = (0..<40).map { "skill\($0)" }
    static let teams = (0..<25).map { "team\($0)" }
    static let regions = ["us", "eu", "apac", "latam", "mea"]
    static let languages = ["en", "es", "fr", "de", "pt", "ja"]
    static let channel = "TCsms"

    static let availableActivity = "WAavailable"
    static let offlineActivity = "WAoffline"

    var workers: [String: RoutingWorker] = [:]
    var index = WorkerIndex()
    /// The same workspace as the in-memory routing model the engine keeps.
    var model = RoutingModel(multiTaskEnabled: true)
    var queues: [RoutingQueue] = []
    let configuration: WorkflowConfiguration
    let workerCount: Int

    /// One generated task: which queue and target it goes to, and its attributes.
    struct GeneratedTask {
        let task: TaskRouterTask
        let attributes: AttributeValue
        let step: RoutingStep
        let queueIndex: Int
    }

    init(workers count: Int, queues queueCount: Int, random: inout SeededGenerator) throws {
        workerCount = count
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var modelWorkers: [RoutingModelWorker] = []
        for n in 0..<count {
            let sid = String(format: "WK%032x", n)
            let attributes: [String: Any] = [
                "skills": Array(Self.skills.shuffled(using: &random).prefix(Int.random(in: 2...6, using: &random))),
                "languages": Array(Self.languages.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))),
                "team": Self.teams.randomElement(using: &random)!,
                "region": Self.regions.randomElement(using: &random)!,
                "level": Int.random(in: 1...10, using: &random),
                "contact_uri": "client:agent\(n)",
            ]
            let value = try AttributeValue.parseAttributes(String(decoding: try JSONSerialization.data(withJSONObject: attributes), as: UTF8.self))
            let worker = RoutingWorker(
                sid: sid, friendlyName: "agent\(n)", attributes: value, available: Int.random(in: 0..<10, using: &random) < 8,
                capacity: [Self.channel: 2], load: [Self.channel: Int.random(in: 0...2, using: &random)],
                idleSince: start.addingTimeInterval(Double(Int.random(in: 0..<86_400, using: &random))))
            workers[sid] = worker
            index.update(worker: sid, attributes: value)
            modelWorkers.append(RoutingModelWorker(
                sid: sid, friendlyName: worker.friendlyName, attributes: value,
                activitySid: worker.available ? Self.availableActivity : Self.offlineActivity,
                capacity: worker.capacity, load: worker.load, idleSince: worker.idleSince))
        }
        var targets: [[String: Any]] = []
        for q in 0..<queueCount {
            let sid = String(format: "WQ%032x", q)
            let expression: String
            let target: String
            switch q % 5 {
            case 0: (expression, target) = ("skills HAS '\(Self.skills[q % Self.skills.count])'", "worker.level >= task.min_level")
            case 1: (expression, target) = ("team == '\(Self.teams[q % Self.teams.count])'", "worker.languages HAS task.language")
            case 2: (expression, target) = ("region IN ['\(Self.regions[q % 5])', 'eu'] AND level > 3", "worker.skills HAS task.skill")
            case 3: (expression, target) = ("languages HAS 'es' OR languages HAS 'pt'", "task.targetWorker == worker.contact_uri")
            default: (expression, target) = ("skills HAS '\(Self.skills[(q * 7) % Self.skills.count])' AND team != 'team0'", "worker.region == task.region")
            }
            queues.append(RoutingQueue(sid: sid, targetWorkers: try TaskRouterExpression.parse(expression), maxReservedWorkers: 1, taskOrder: .fifo))
            targets.append(["queue": sid, "expression": target])
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["task_routing": ["filters": [["expression": "1==1", "targets": targets]]]]), as: UTF8.self)
        configuration = try WorkflowConfiguration.parse(json)
        model = RoutingModel(
            multiTaskEnabled: true, activities: [Self.availableActivity: true, Self.offlineActivity: false],
            workers: modelWorkers, queues: queues,
            workflows: [(sid: Self.workflow, configuration: configuration, reservationTimeout: 120)], waiting: [])
    }

    /// The workflow every generated task is routed by.
    static let workflow = "WW0"

    func randomTask(random: inout SeededGenerator) -> GeneratedTask {
        let queueIndex = Int.random(in: 0..<queues.count, using: &random)
        let attributes: [String: Any] = [
            "min_level": Int.random(in: 1...10, using: &random),
            "language": Self.languages.randomElement(using: &random)!,
            "skill": Self.skills.randomElement(using: &random)!,
            "region": Self.regions.randomElement(using: &random)!,
            "targetWorker": "client:agent\(Int.random(in: 0..<workerCount, using: &random))",
        ]
        let text = String(decoding: (try? JSONSerialization.data(withJSONObject: attributes)) ?? Data("{}".utf8), as: UTF8.self)
        let now = Date()
        let task = TaskRouterTask(
            sid: "WT0", accountSid: "AC0", workspaceSid: "WS0", workflowSid: Self.workflow, taskQueueSid: queues[queueIndex].sid,
            taskChannelSid: Self.channel, taskChannelUniqueName: "sms", attributes: text, priority: 0, timeout: 3600,
            assignmentStatus: .pending, reason: nil, routingStep: RoutingStep(filterIndex: 0, targetIndex: queueIndex),
            dateEnteredStep: now, taskQueueEnteredDate: now, dateCreated: now, dateUpdated: now)
        return GeneratedTask(task: task, attributes: (try? AttributeValue.parseAttributes(text)) ?? .emptyObject,
                             step: RoutingStep(filterIndex: 0, targetIndex: queueIndex), queueIndex: queueIndex)
    }

    /// The baseline: evaluate both expressions against every worker and take the longest idle with room.
    func scan(_ generated: GeneratedTask) -> String? {
        let queue = queues[generated.queueIndex]
        let target = configuration.filters[0].targets[generated.queueIndex].expression
        var best: RoutingWorker?
        for worker in workers.values {
            guard worker.available, worker.load[Self.channel, default: 0] < worker.capacity[Self.channel, default: 0],
                  let targetWorkers = queue.targetWorkers, targetWorkers.matches(worker: worker.attributes),
                  target.map({ $0.matches(task: generated.attributes, worker: worker.attributes) }) ?? true
            else { continue }
            if let current = best, (current.idleSince, current.sid) <= (worker.idleSince, worker.sid) { continue }
            best = worker
        }
        return best?.sid
    }
}

import Foundation
@testable import SwitchboardCore

/// Tasks, workers and workflows shared by the routing tests.
enum RoutingFixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let voice = "TC00000000000000000000000000000001"
    static let chat = "TC00000000000000000000000000000002"
    static let support = "WQ11111111111111111111111111111111"
    static let sales = "WQ22222222222222222222222222222222"
    static let everyone = "WQ33333333333333333333333333333333"

    static func attributes(_ json: String) -> AttributeValue {
        try! AttributeValue.parseAttributes(json)
    }

    static func expression(_ text: String) -> TaskRouterExpression {
        try! TaskRouterExpression.parse(text)
    }

    static func configuration(_ json: String) -> WorkflowConfiguration {
        try! WorkflowConfiguration.parse(json)
    }

    static func task(
        _ sid: String = "WT1", attributes: String = "{}", channel: String = voice, priority: Int = 0,
        createdSecondsAgo: Double = 0, queue: String? = nil, status: TaskAssignmentStatus = .pending
    ) -> TaskRouterTask {
        let created = now.addingTimeInterval(-createdSecondsAgo)
        return TaskRouterTask(
            sid: sid, accountSid: "AC1", workspaceSid: "WS1", workflowSid: "WW1", taskQueueSid: queue,
            taskChannelSid: channel, taskChannelUniqueName: channel == voice ? "voice" : "chat", attributes: attributes,
            priority: priority, timeout: 86_400, assignmentStatus: status, reason: nil, routingStep: nil,
            dateEnteredStep: nil, taskQueueEnteredDate: nil, dateCreated: created, dateUpdated: created)
    }

    static func worker(
        _ sid: String, name: String? = nil, _ json: String = "{}", available: Bool = true,
        capacity: [String: Int] = [voice: 1, chat: 2], load: [String: Int] = [:], idleSecondsAgo: Double = 60
    ) -> RoutingWorker {
        RoutingWorker(
            sid: sid, friendlyName: name ?? sid, attributes: attributes(json), available: available, capacity: capacity,
            load: load, idleSince: now.addingTimeInterval(-idleSecondsAgo))
    }

    static func index(_ workers: [RoutingWorker]) -> WorkerIndex {
        var index = WorkerIndex()
        for worker in workers { index.update(worker: worker.sid, attributes: worker.attributes) }
        return index
    }

    static func queue(_ sid: String = support, targetWorkers: String? = "1==1", order: QueueOrder = .fifo) -> RoutingQueue {
        RoutingQueue(sid: sid, targetWorkers: targetWorkers.map(expression), maxReservedWorkers: 1, taskOrder: order)
    }
}

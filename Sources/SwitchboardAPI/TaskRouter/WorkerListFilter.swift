import SwitchboardCore
import SwitchboardStorage

/// Turns the Workers list's query parameters into a ``WorkerFilter``. Expressions (`TargetWorkersExpression`,
/// or a queue's `TargetWorkers`) are evaluated through a ``WorkerIndex`` over the workspace's workers.
enum WorkerListFilter {
    static let parameterNames = ["ActivityName", "ActivitySid", "Available", "FriendlyName", "TargetWorkersExpression", "TaskQueueName", "TaskQueueSid"]

    static func make(from query: FormParameters, workspace: Workspace, session: any StorageSession) async throws -> WorkerFilter {
        var filter = WorkerFilter(friendlyName: query.string("FriendlyName"))
        var activitySids: Set<String>?
        func narrow(to sids: Set<String>) { activitySids = activitySids.map { $0.intersection(sids) } ?? sids }
        if let sid = query.string("ActivitySid") { narrow(to: [sid]) }
        if let name = query.string("ActivityName") {
            narrow(to: Set([try await session.activities.find(friendlyName: name, workspaceSid: workspace.sid)?.sid].compactMap { $0 }))
        }
        if let available = try query.bool("Available") {
            let activities = try await session.activities.list(workspaceSid: workspace.sid, friendlyName: nil, available: available,
                                                                page: PageRequest(size: PageRequest.maximumSize))
            narrow(to: Set(activities.items.map(\.sid)))
        }
        filter.activitySids = activitySids.map { Array($0) }

        var expressions: [TaskRouterExpression?] = []
        if let text = query.string("TargetWorkersExpression") {
            expressions.append(try TaskRouterExpression.parse(text))
        }
        for queue in try await queues(named: query, workspaceSid: workspace.sid, session: session) {
            expressions.append(try queue?.parsedTargetWorkers())
        }
        if !expressions.isEmpty {
            filter.workerSids = Array(try await matchingWorkers(expressions, workspaceSid: workspace.sid, session: session))
        }
        return filter
    }

    /// The queues named by `TaskQueueSid` or `TaskQueueName`; a name or SID that matches none selects no worker.
    static func queues(named query: FormParameters, workspaceSid: String, session: any StorageSession) async throws -> [TaskQueue?] {
        var queues: [TaskQueue?] = []
        if let sid = query.string("TaskQueueSid") { queues.append(try await session.taskQueues.find(sid: sid, workspaceSid: workspaceSid)) }
        if let name = query.string("TaskQueueName") { queues.append(try await session.taskQueues.find(friendlyName: name, workspaceSid: workspaceSid)) }
        return queues
    }

    /// Workers every expression matches; a missing queue or a blank `TargetWorkers` (`nil`) matches none.
    static func matchingWorkers(_ expressions: [TaskRouterExpression?], workspaceSid: String, session: any StorageSession) async throws -> Set<String> {
        var index = WorkerIndex()
        for worker in try await session.workers.all(workspaceSid: workspaceSid) {
            index.update(worker: worker.sid, attributes: try worker.parsedAttributes())
        }
        var matches = Set(index.workers.keys)
        for expression in expressions {
            guard let expression else { return [] }
            matches.formIntersection(index.matchingWorkers(for: expression))
        }
        return matches
    }
}

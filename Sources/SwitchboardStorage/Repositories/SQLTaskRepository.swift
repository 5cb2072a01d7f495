import Foundation
import SQLKit
import SwitchboardCore

/// ``TaskRepository`` over SQL. The routing step is two nullable columns: no target index means no step yet,
/// and a target index without a filter index means the default filter.
struct SQLTaskRepository: TaskRepository {
    let database: any SQLDatabase

    func insert(_ task: TaskRouterTask) async throws {
        let columns = Self.columns(of: task)
        try await database.insert(into: "tasks")
            .columns(["sid", "account_sid", "workspace_sid"] + columns.map(\.0))
            .values([SQLBind(task.sid), SQLBind(task.accountSid), SQLBind(task.workspaceSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> TaskRouterTask? {
        try await database.findRow(in: "tasks", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func lock(sid: String, workspaceSid: String) async throws -> TaskRouterTask? {
        // SQLKit leaves the locking clause out on SQLite, whose write transactions are already exclusive.
        try await database.select().column("*").from("tasks")
            .where("sid", .equal, sid).where("workspace_sid", .equal, workspaceSid)
            .for(.update).first().map(Self.decode)
    }

    func list(workspaceSid: String, filter: TaskFilter, page: PageRequest) async throws -> Page<TaskRouterTask> {
        if filter.assignmentStatuses?.isEmpty == true || filter.taskSids?.isEmpty == true { return Page(items: [], next: nil, previous: nil) }
        let query = database.select().column("*").from("tasks").where("workspace_sid", .equal, workspaceSid)
        if let statuses = filter.assignmentStatuses { query.where("assignment_status", .in, statuses.map(\.rawValue)) }
        if let workflowSid = filter.workflowSid { query.where("workflow_sid", .equal, workflowSid) }
        if let taskQueueSid = filter.taskQueueSid { query.where("task_queue_sid", .equal, taskQueueSid) }
        if let priority = filter.priority { query.where("priority", .equal, priority) }
        if let taskSids = filter.taskSids { query.where("sid", .in, taskSids) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func all(workspaceSid: String, statuses: [TaskAssignmentStatus]) async throws -> [TaskRouterTask] {
        try await database.select().column("*").from("tasks")
            .where("workspace_sid", .equal, workspaceSid).where("assignment_status", .in, statuses.map(\.rawValue))
            .orderBy("seq").all().map(Self.decode)
    }

    func update(_ task: TaskRouterTask) async throws {
        let update = database.update("tasks")
        for (column, value) in Self.columns(of: task) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, task.sid).run()
    }

    func update(_ task: TaskRouterTask, ifStatusIs expected: TaskAssignmentStatus) async throws -> Bool {
        let update = database.update("tasks")
        for (column, value) in Self.columns(of: task) { update.set(SQLIdentifier(column), to: value) }
        let rows = try await update.where("sid", .equal, task.sid).where("assignment_status", .equal, expected.rawValue)
            .returning("sid").all()
        return !rows.isEmpty
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "tasks", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    func workspacesWithTasks(in statuses: [TaskAssignmentStatus]) async throws -> [String] {
        try await database.select().distinct().column("workspace_sid").from("tasks")
            .where("assignment_status", .in, statuses.map(\.rawValue)).all()
            .map { try $0.decode(column: "workspace_sid", as: String.self) }
    }

    func countByStatus() async throws -> [TaskStatusCount] {
        try await database.select().column("workspace_sid").column("assignment_status")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("tasks").groupBy("workspace_sid").groupBy("assignment_status").all()
            .map { row in
                TaskStatusCount(workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
                                status: try StoredEnum.decode(TaskAssignmentStatus.self, row, "assignment_status"),
                                count: try row.decode(column: "n", as: Int.self))
            }
    }

    static func columns(of task: TaskRouterTask) -> [(String, SQLBind)] {
        [
            ("workflow_sid", SQLBind(task.workflowSid)),
            ("task_queue_sid", SQLBind(task.taskQueueSid)),
            ("task_channel_sid", SQLBind(task.taskChannelSid)),
            ("task_channel_unique_name", SQLBind(task.taskChannelUniqueName)),
            ("attributes", SQLBind(task.attributes)),
            ("priority", SQLBind(task.priority)),
            ("timeout", SQLBind(task.timeout)),
            ("assignment_status", SQLBind(task.assignmentStatus.rawValue)),
            ("reason", SQLBind(task.reason)),
            ("step_filter_index", SQLBind(task.routingStep?.filterIndex)),
            ("step_target_index", SQLBind(task.routingStep?.targetIndex)),
            ("date_entered_step", SQLBind(task.dateEnteredStep.map(StoredDate.encode))),
            ("task_queue_entered_date", SQLBind(task.taskQueueEnteredDate.map(StoredDate.encode))),
            ("date_created", SQLBind(StoredDate.encode(task.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(task.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> TaskRouterTask {
        let targetIndex = try row.decode(column: "step_target_index", as: Int?.self)
        let step = targetIndex.map { RoutingStep(filterIndex: try? row.decode(column: "step_filter_index", as: Int?.self), targetIndex: $0) }
        return TaskRouterTask(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            workflowSid: try row.decode(column: "workflow_sid", as: String?.self),
            taskQueueSid: try row.decode(column: "task_queue_sid", as: String?.self),
            taskChannelSid: try row.decode(column: "task_channel_sid", as: String.self),
            taskChannelUniqueName: try row.decode(column: "task_channel_unique_name", as: String.self),
            attributes: try row.decode(column: "attributes", as: String.self),
            priority: try row.decode(column: "priority", as: Int.self),
            timeout: try row.decode(column: "timeout", as: Int.self),
            assignmentStatus: TaskAssignmentStatus(rawValue: try row.decode(column: "assignment_status", as: String.self)) ?? .pending,
            reason: try row.decode(column: "reason", as: String?.self),
            routingStep: step,
            dateEnteredStep: try row.decode(column: "date_entered_step", as: Int64?.self).map(StoredDate.decode),
            taskQueueEnteredDate: try row.decode(column: "task_queue_entered_date", as: Int64?.self).map(StoredDate.decode),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

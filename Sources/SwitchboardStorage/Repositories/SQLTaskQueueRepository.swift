import SQLKit
import SwitchboardCore

/// ``TaskQueueRepository`` over SQL.
struct SQLTaskQueueRepository: TaskQueueRepository {
    let database: any SQLDatabase

    func insert(_ queue: TaskQueue) async throws {
        let columns = Self.columns(of: queue)
        try await database.insert(into: "task_queues")
            .columns(["sid", "account_sid", "workspace_sid"] + columns.map(\.0))
            .values([SQLBind(queue.sid), SQLBind(queue.accountSid), SQLBind(queue.workspaceSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> TaskQueue? {
        try await database.findRow(in: "task_queues", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func find(friendlyName: String, workspaceSid: String) async throws -> TaskQueue? {
        try await database.select().column("*").from("task_queues")
            .where("workspace_sid", .equal, workspaceSid).where("friendly_name", .equal, friendlyName).first().map(Self.decode)
    }

    func using(activitySid: String, workspaceSid: String) async throws -> TaskQueue? {
        try await database.select().column("*").from("task_queues")
            .where("workspace_sid", .equal, workspaceSid)
            .where { $0.where("reservation_activity_sid", .equal, activitySid).orWhere("assignment_activity_sid", .equal, activitySid) }
            .first().map(Self.decode)
    }

    func list(workspaceSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<TaskQueue> {
        let query = database.select().column("*").from("task_queues").where("workspace_sid", .equal, workspaceSid)
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ queue: TaskQueue) async throws {
        let update = database.update("task_queues")
        for (column, value) in Self.columns(of: queue) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, queue.sid).run()
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "task_queues", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    static func columns(of queue: TaskQueue) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(queue.friendlyName)),
            ("target_workers", SQLBind(queue.targetWorkers)),
            ("max_reserved_workers", SQLBind(queue.maxReservedWorkers)),
            ("task_order", SQLBind(queue.taskOrder.rawValue)),
            ("reservation_activity_sid", SQLBind(queue.reservationActivitySid)),
            ("assignment_activity_sid", SQLBind(queue.assignmentActivitySid)),
            ("date_created", SQLBind(StoredDate.encode(queue.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(queue.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> TaskQueue {
        TaskQueue(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            targetWorkers: try row.decode(column: "target_workers", as: String.self),
            maxReservedWorkers: try row.decode(column: "max_reserved_workers", as: Int.self),
            taskOrder: QueueOrder(rawValue: try row.decode(column: "task_order", as: String.self)) ?? .fifo,
            reservationActivitySid: try row.decode(column: "reservation_activity_sid", as: String?.self),
            assignmentActivitySid: try row.decode(column: "assignment_activity_sid", as: String?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

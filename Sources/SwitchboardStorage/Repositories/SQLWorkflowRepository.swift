import SQLKit
import SwitchboardCore

/// ``WorkflowRepository`` over SQL.
struct SQLWorkflowRepository: WorkflowRepository {
    let database: any SQLDatabase

    func insert(_ workflow: Workflow) async throws {
        let columns = Self.columns(of: workflow)
        try await database.insert(into: "workflows")
            .columns(["sid", "account_sid", "workspace_sid"] + columns.map(\.0))
            .values([SQLBind(workflow.sid), SQLBind(workflow.accountSid), SQLBind(workflow.workspaceSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> Workflow? {
        try await database.findRow(in: "workflows", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func list(workspaceSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<Workflow> {
        let query = database.select().column("*").from("workflows").where("workspace_sid", .equal, workspaceSid)
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func routing(toQueue queueSid: String, workspaceSid: String) async throws -> Workflow? {
        // The text match narrows to configurations that mention the SID; parsing decides whether one routes there.
        let mentioning = try await database.select().column("*").from("workflows")
            .where("workspace_sid", .equal, workspaceSid)
            .where(SQLIdentifier("configuration"), .like, SQLBind("%\(queueSid)%"))
            .all().map(Self.decode)
        return mentioning.first { (try? $0.parsedConfiguration().queueSids.contains(queueSid)) ?? false }
    }

    func update(_ workflow: Workflow) async throws {
        let update = database.update("workflows")
        for (column, value) in Self.columns(of: workflow) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, workflow.sid).run()
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "workflows", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    static func columns(of workflow: Workflow) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(workflow.friendlyName)),
            ("configuration", SQLBind(workflow.configuration)),
            ("assignment_callback_url", SQLBind(workflow.assignmentCallbackUrl)),
            ("fallback_assignment_callback_url", SQLBind(workflow.fallbackAssignmentCallbackUrl)),
            ("task_reservation_timeout", SQLBind(workflow.taskReservationTimeout)),
            ("date_created", SQLBind(StoredDate.encode(workflow.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(workflow.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Workflow {
        Workflow(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            configuration: try row.decode(column: "configuration", as: String.self),
            assignmentCallbackUrl: try row.decode(column: "assignment_callback_url", as: String?.self),
            fallbackAssignmentCallbackUrl: try row.decode(column: "fallback_assignment_callback_url", as: String?.self),
            taskReservationTimeout: try row.decode(column: "task_reservation_timeout", as: Int.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

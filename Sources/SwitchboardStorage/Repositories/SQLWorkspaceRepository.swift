import SQLKit
import SwitchboardCore

/// ``WorkspaceRepository`` over SQL.
struct SQLWorkspaceRepository: WorkspaceRepository {
    let database: any SQLDatabase

    func insert(_ workspace: Workspace) async throws {
        let columns = Self.columns(of: workspace)
        try await database.insert(into: "workspaces")
            .columns(["sid", "account_sid"] + columns.map(\.0))
            .values([SQLBind(workspace.sid), SQLBind(workspace.accountSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, accountSid: String) async throws -> Workspace? {
        try await database.findRow(in: "workspaces", sid: sid, scopeColumn: "account_sid", scope: accountSid, decode: Self.decode)
    }

    func list(accountSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<Workspace> {
        let query = database.select().column("*").from("workspaces").where("account_sid", .equal, accountSid)
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ workspace: Workspace) async throws {
        let update = database.update("workspaces")
        for (column, value) in Self.columns(of: workspace) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, workspace.sid).run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "workspaces", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    static func columns(of workspace: Workspace) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(workspace.friendlyName)),
            ("event_callback_url", SQLBind(workspace.eventCallbackURL)),
            ("events_filter", SQLBind(workspace.eventsFilter)),
            ("multi_task_enabled", SQLBind(workspace.multiTaskEnabled)),
            ("prioritize_queue_order", SQLBind(workspace.prioritizeQueueOrder.rawValue)),
            ("default_activity_sid", SQLBind(workspace.defaultActivitySid)),
            ("timeout_activity_sid", SQLBind(workspace.timeoutActivitySid)),
            ("date_created", SQLBind(StoredDate.encode(workspace.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(workspace.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Workspace {
        Workspace(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            eventCallbackURL: try row.decode(column: "event_callback_url", as: String?.self),
            eventsFilter: try row.decode(column: "events_filter", as: String?.self),
            multiTaskEnabled: try row.decode(column: "multi_task_enabled", as: Bool.self),
            prioritizeQueueOrder: QueueOrder(rawValue: try row.decode(column: "prioritize_queue_order", as: String.self)) ?? .fifo,
            defaultActivitySid: try row.decode(column: "default_activity_sid", as: String.self),
            timeoutActivitySid: try row.decode(column: "timeout_activity_sid", as: String.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

import SQLKit
import SwitchboardCore

/// ``TaskChannelRepository`` over SQL.
struct SQLTaskChannelRepository: TaskChannelRepository {
    let database: any SQLDatabase

    func insert(_ channel: TaskChannel) async throws {
        try await database.insert(into: "task_channels")
            .columns("sid", "account_sid", "workspace_sid", "friendly_name", "unique_name", "channel_optimized_routing", "date_created", "date_updated")
            .values(SQLBind(channel.sid), SQLBind(channel.accountSid), SQLBind(channel.workspaceSid), SQLBind(channel.friendlyName),
                    SQLBind(channel.uniqueName), SQLBind(channel.channelOptimizedRouting),
                    SQLBind(StoredDate.encode(channel.dateCreated)), SQLBind(StoredDate.encode(channel.dateUpdated)))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> TaskChannel? {
        try await database.findRow(in: "task_channels", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func find(uniqueName: String, workspaceSid: String) async throws -> TaskChannel? {
        try await database.select().column("*").from("task_channels")
            .where("workspace_sid", .equal, workspaceSid).where("unique_name", .equal, uniqueName)
            .first().map(Self.decode)
    }

    func list(workspaceSid: String, page: PageRequest) async throws -> Page<TaskChannel> {
        let query = database.select().column("*").from("task_channels").where("workspace_sid", .equal, workspaceSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ channel: TaskChannel) async throws {
        try await database.update("task_channels")
            .set("friendly_name", to: channel.friendlyName)
            .set("channel_optimized_routing", to: channel.channelOptimizedRouting)
            .set("date_updated", to: StoredDate.encode(channel.dateUpdated))
            .where("sid", .equal, channel.sid).run()
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "task_channels", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    static func decode(_ row: any SQLRow) throws -> TaskChannel {
        TaskChannel(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            uniqueName: try row.decode(column: "unique_name", as: String.self),
            channelOptimizedRouting: try row.decode(column: "channel_optimized_routing", as: Bool?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

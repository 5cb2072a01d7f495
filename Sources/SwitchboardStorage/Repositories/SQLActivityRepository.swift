import SQLKit
import SwitchboardCore

/// ``ActivityRepository`` over SQL.
struct SQLActivityRepository: ActivityRepository {
    let database: any SQLDatabase

    func insert(_ activity: Activity) async throws {
        try await database.insert(into: "activities")
            .columns("sid", "account_sid", "workspace_sid", "friendly_name", "available", "date_created", "date_updated")
            .values(SQLBind(activity.sid), SQLBind(activity.accountSid), SQLBind(activity.workspaceSid), SQLBind(activity.friendlyName),
                    SQLBind(activity.available), SQLBind(StoredDate.encode(activity.dateCreated)), SQLBind(StoredDate.encode(activity.dateUpdated)))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> Activity? {
        try await database.findRow(in: "activities", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func find(friendlyName: String, workspaceSid: String) async throws -> Activity? {
        try await database.select().column("*").from("activities")
            .where("workspace_sid", .equal, workspaceSid).where("friendly_name", .equal, friendlyName)
            .first().map(Self.decode)
    }

    func list(workspaceSid: String, friendlyName: String?, available: Bool?, page: PageRequest) async throws -> Page<Activity> {
        let query = database.select().column("*").from("activities").where("workspace_sid", .equal, workspaceSid)
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        if let available { query.where("available", .equal, available) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ activity: Activity) async throws {
        try await database.update("activities")
            .set("friendly_name", to: activity.friendlyName)
            .set("date_updated", to: StoredDate.encode(activity.dateUpdated))
            .where("sid", .equal, activity.sid).run()
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "activities", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    static func decode(_ row: any SQLRow) throws -> Activity {
        Activity(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            available: try row.decode(column: "available", as: Bool.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

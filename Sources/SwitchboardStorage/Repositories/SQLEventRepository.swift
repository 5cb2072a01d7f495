import Foundation
import SQLKit
import SwitchboardCore

/// ``EventRepository`` over SQL.
struct SQLEventRepository: EventRepository {
    let database: any SQLDatabase

    func insert(_ event: TaskRouterEvent) async throws {
        try await database.insert(into: "events")
            .columns("sid", "account_sid", "workspace_sid", "event_type", "resource_type", "resource_sid", "task_sid", "worker_sid", "description",
                     "event_data", "event_date_ms", "date_created")
            .values(SQLBind(event.sid), SQLBind(event.accountSid), SQLBind(event.workspaceSid), SQLBind(event.eventType),
                    SQLBind(event.resourceType), SQLBind(event.resourceSid), SQLBind(event.taskSid), SQLBind(event.workerSid), SQLBind(event.description), SQLBind(event.eventData),
                    SQLBind(event.eventDateMilliseconds), SQLBind(event.eventDateMilliseconds / 1000))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> TaskRouterEvent? {
        try await database.findRow(in: "events", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func list(workspaceSid: String, filter: EventFilter, page: PageRequest) async throws -> Page<TaskRouterEvent> {
        let query = database.select().column("*").from("events").where("workspace_sid", .equal, workspaceSid)
        if let eventType = filter.eventType { query.where("event_type", .equal, eventType) }
        if let taskSid = filter.taskSid { query.where("task_sid", .equal, taskSid) }
        if let workerSid = filter.workerSid { query.where("worker_sid", .equal, workerSid) }
        if let reservationSid = filter.reservationSid { query.where("resource_sid", .equal, reservationSid) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func all(workspaceSid: String, types: [String], from start: Date, through end: Date) async throws -> [TaskRouterEvent] {
        guard !types.isEmpty else { return [] }
        return try await database.select().column("*").from("events")
            .where("workspace_sid", .equal, workspaceSid).where("event_type", .in, types)
            .where("event_date_ms", .greaterThanOrEqual, Self.milliseconds(start))
            .where("event_date_ms", .lessThanOrEqual, Self.milliseconds(end))
            .orderBy("seq").all().map(Self.decode)
    }

    func lastPerWorker(workspaceSid: String, type: String, before date: Date) async throws -> [TaskRouterEvent] {
        let latest = try await database.select()
            .column(SQLFunction("MAX", args: SQLIdentifier("seq")), as: "last")
            .from("events")
            .where("workspace_sid", .equal, workspaceSid).where("event_type", .equal, type)
            .where("worker_sid", .isNot, SQLLiteral.null)
            .where("event_date_ms", .lessThan, Self.milliseconds(date))
            .groupBy("worker_sid").all()
            .map { try $0.decode(column: "last", as: Int64.self) }
        guard !latest.isEmpty else { return [] }
        return try await database.select().column("*").from("events").where("seq", .in, latest).orderBy("seq").all().map(Self.decode)
    }

    /// How `event_date_ms` stores a moment.
    static func milliseconds(_ date: Date) -> Int64 {
        date.wholeMillisecondsSince1970
    }

    static func decode(_ row: any SQLRow) throws -> TaskRouterEvent {
        TaskRouterEvent(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            eventType: try row.decode(column: "event_type", as: String.self),
            resourceType: try row.decode(column: "resource_type", as: String.self),
            resourceSid: try row.decode(column: "resource_sid", as: String.self),
            taskSid: try row.decode(column: "task_sid", as: String?.self),
            workerSid: try row.decode(column: "worker_sid", as: String?.self),
            description: try row.decode(column: "description", as: String.self),
            eventData: try row.decode(column: "event_data", as: String.self),
            eventDateMilliseconds: try row.decode(column: "event_date_ms", as: Int64.self))
    }
}

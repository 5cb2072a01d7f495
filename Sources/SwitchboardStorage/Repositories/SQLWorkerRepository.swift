import SQLKit
import SwitchboardCore

/// ``WorkerRepository`` over SQL: workers and their worker channels.
struct SQLWorkerRepository: WorkerRepository {
    let database: any SQLDatabase

    func insert(_ worker: Worker) async throws {
        let columns = Self.columns(of: worker)
        try await database.insert(into: "workers")
            .columns(["sid", "account_sid", "workspace_sid"] + columns.map(\.0))
            .values([SQLBind(worker.sid), SQLBind(worker.accountSid), SQLBind(worker.workspaceSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, workspaceSid: String) async throws -> Worker? {
        try await database.findRow(in: "workers", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid, decode: Self.decode)
    }

    func find(sid: String) async throws -> Worker? {
        try await database.select().column("*").from("workers").where("sid", .equal, sid).first().map(Self.decode)
    }

    func find(friendlyName: String, workspaceSid: String) async throws -> Worker? {
        try await database.select().column("*").from("workers")
            .where("workspace_sid", .equal, workspaceSid).where("friendly_name", .equal, friendlyName).first().map(Self.decode)
    }

    func list(workspaceSid: String, filter: WorkerFilter, page: PageRequest) async throws -> Page<Worker> {
        // A filter naming no activity or no worker selects nothing; it must not become `IN ('')`.
        if filter.activitySids?.isEmpty == true || filter.workerSids?.isEmpty == true { return Page(items: [], next: nil, previous: nil) }
        let query = database.select().column("*").from("workers").where("workspace_sid", .equal, workspaceSid)
        if let friendlyName = filter.friendlyName { query.where("friendly_name", .equal, friendlyName) }
        if let activitySids = filter.activitySids { query.where("activity_sid", .in, activitySids) }
        if let workerSids = filter.workerSids { query.where("sid", .in, workerSids) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func all(workspaceSid: String) async throws -> [Worker] {
        try await database.select().column("*").from("workers").where("workspace_sid", .equal, workspaceSid)
            .orderBy("seq").all().map(Self.decode)
    }

    func count(activitySid: String, workspaceSid: String) async throws -> Int {
        try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("workers")
            .where("workspace_sid", .equal, workspaceSid).where("activity_sid", .equal, activitySid)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func update(_ worker: Worker) async throws {
        let update = database.update("workers")
        for (column, value) in Self.columns(of: worker) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, worker.sid).run()
    }

    func delete(sid: String, workspaceSid: String) async throws -> Bool {
        try await database.deleteRow(from: "workers", sid: sid, scopeColumn: "workspace_sid", scope: workspaceSid)
    }

    func insertChannel(_ channel: WorkerChannel) async throws {
        let columns = Self.columns(of: channel)
        try await database.insert(into: "worker_channels")
            .columns(["sid", "account_sid", "workspace_sid", "worker_sid", "task_channel_sid", "task_channel_unique_name"] + columns.map(\.0))
            .values([SQLBind(channel.sid), SQLBind(channel.accountSid), SQLBind(channel.workspaceSid), SQLBind(channel.workerSid),
                     SQLBind(channel.taskChannelSid), SQLBind(channel.taskChannelUniqueName)] + columns.map(\.1))
            .run()
    }

    func channel(sid: String, workerSid: String) async throws -> WorkerChannel? {
        try await database.select().column("*").from("worker_channels")
            .where("worker_sid", .equal, workerSid)
            .where { $0.where("sid", .equal, sid).orWhere("task_channel_sid", .equal, sid).orWhere("task_channel_unique_name", .equal, sid) }
            .first().map(Self.decodeChannel)
    }

    func channels(workerSid: String, page: PageRequest) async throws -> Page<WorkerChannel> {
        let query = database.select().column("*").from("worker_channels").where("worker_sid", .equal, workerSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeChannel)
    }

    func updateChannel(_ channel: WorkerChannel) async throws {
        let update = database.update("worker_channels")
        for (column, value) in Self.columns(of: channel) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, channel.sid).run()
    }

    func allChannels(workspaceSid: String) async throws -> [WorkerChannel] {
        try await database.select().column("*").from("worker_channels").where("workspace_sid", .equal, workspaceSid)
            .orderBy("seq").all().map(Self.decodeChannel)
    }

    func lockChannel(workerSid: String, taskChannelSid: String) async throws -> WorkerChannel? {
        // SQLKit leaves the locking clause out on SQLite, whose write transactions are already exclusive.
        try await database.select().column("*").from("worker_channels")
            .where("worker_sid", .equal, workerSid).where("task_channel_sid", .equal, taskChannelSid)
            .for(.update).first().map(Self.decodeChannel)
    }

    func deleteChannels(taskChannelSid: String, workspaceSid: String) async throws {
        try await database.delete(from: "worker_channels")
            .where("workspace_sid", .equal, workspaceSid).where("task_channel_sid", .equal, taskChannelSid).run()
    }

    static func columns(of worker: Worker) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(worker.friendlyName)),
            ("attributes", SQLBind(worker.attributes)),
            ("activity_sid", SQLBind(worker.activitySid)),
            ("date_status_changed", SQLBind(StoredDate.encode(worker.dateStatusChanged))),
            ("date_created", SQLBind(StoredDate.encode(worker.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(worker.dateUpdated))),
        ]
    }

    static func columns(of channel: WorkerChannel) -> [(String, SQLBind)] {
        [
            ("configured_capacity", SQLBind(channel.configuredCapacity)),
            ("available", SQLBind(channel.available)),
            ("assigned_tasks", SQLBind(channel.assignedTasks)),
            ("date_created", SQLBind(StoredDate.encode(channel.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(channel.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Worker {
        Worker(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            attributes: try row.decode(column: "attributes", as: String.self),
            activitySid: try row.decode(column: "activity_sid", as: String.self),
            dateStatusChanged: StoredDate.decode(try row.decode(column: "date_status_changed", as: Int64.self)),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }

    static func decodeChannel(_ row: any SQLRow) throws -> WorkerChannel {
        WorkerChannel(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            workerSid: try row.decode(column: "worker_sid", as: String.self),
            taskChannelSid: try row.decode(column: "task_channel_sid", as: String.self),
            taskChannelUniqueName: try row.decode(column: "task_channel_unique_name", as: String.self),
            configuredCapacity: try row.decode(column: "configured_capacity", as: Int.self),
            available: try row.decode(column: "available", as: Bool.self),
            assignedTasks: try row.decode(column: "assigned_tasks", as: Int.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

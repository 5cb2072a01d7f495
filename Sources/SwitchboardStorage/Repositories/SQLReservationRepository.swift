import Foundation
import SQLKit
import SwitchboardCore

/// ``ReservationRepository`` over SQL. A reservation keeps its task's channel so that per-channel load
/// is one grouped query.
struct SQLReservationRepository: ReservationRepository {
    let database: any SQLDatabase

    func insert(_ reservation: Reservation) async throws {
        let channel = try await database.select().column("task_channel_sid").from("tasks").where("sid", .equal, reservation.taskSid)
            .first()?.decode(column: "task_channel_sid", as: String.self) ?? ""
        try await database.insert(into: "reservations")
            .columns("sid", "account_sid", "workspace_sid", "task_sid", "task_channel_sid", "worker_sid", "worker_name", "status",
                     "expires_at", "date_created", "date_updated")
            .values(SQLBind(reservation.sid), SQLBind(reservation.accountSid), SQLBind(reservation.workspaceSid), SQLBind(reservation.taskSid),
                    SQLBind(channel), SQLBind(reservation.workerSid), SQLBind(reservation.workerName), SQLBind(reservation.status.rawValue),
                    SQLBind(reservation.expiresAt.map(StoredDate.encode)), SQLBind(StoredDate.encode(reservation.dateCreated)),
                    SQLBind(StoredDate.encode(reservation.dateUpdated)))
            .run()
    }

    func find(sid: String, taskSid: String) async throws -> Reservation? {
        try await database.findRow(in: "reservations", sid: sid, scopeColumn: "task_sid", scope: taskSid, decode: Self.decode)
    }

    func lock(sid: String, taskSid: String) async throws -> Reservation? {
        try await database.select().column("*").from("reservations")
            .where("sid", .equal, sid).where("task_sid", .equal, taskSid)
            .for(.update).first().map(Self.decode)
    }

    func find(sid: String, workerSid: String) async throws -> Reservation? {
        try await database.findRow(in: "reservations", sid: sid, scopeColumn: "worker_sid", scope: workerSid, decode: Self.decode)
    }

    func list(taskSid: String, status: ReservationStatus?, page: PageRequest) async throws -> Page<Reservation> {
        let query = database.select().column("*").from("reservations").where("task_sid", .equal, taskSid)
        if let status { query.where("status", .equal, status.rawValue) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func list(workerSid: String, status: ReservationStatus?, page: PageRequest) async throws -> Page<Reservation> {
        let query = database.select().column("*").from("reservations").where("worker_sid", .equal, workerSid)
        if let status { query.where("status", .equal, status.rawValue) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func all(taskSid: String) async throws -> [Reservation] {
        try await database.select().column("*").from("reservations").where("task_sid", .equal, taskSid).orderBy("seq").all().map(Self.decode)
    }

    func expired(before date: Date) async throws -> [Reservation] {
        try await database.select().column("*").from("reservations")
            .where("status", .equal, ReservationStatus.pending.rawValue)
            .where("expires_at", .lessThanOrEqual, StoredDate.encode(date))
            .orderBy("seq").all().map(Self.decode)
    }

    func update(_ reservation: Reservation) async throws {
        try await database.update("reservations")
            .set("status", to: reservation.status.rawValue)
            .set("expires_at", to: reservation.expiresAt.map(StoredDate.encode))
            .set("date_updated", to: StoredDate.encode(reservation.dateUpdated))
            .where("sid", .equal, reservation.sid).run()
    }

    func lastActivity(workspaceSid: String) async throws -> [String: Date] {
        // One index seek per worker (`reservations_worker_updated`), where grouping every reservation the
        // workspace ever had would grow with its history.
        let rows = try await database.raw("""
            SELECT workers.sid AS worker_sid,
                   (SELECT MAX(reservations.date_updated) FROM reservations WHERE reservations.worker_sid = workers.sid) AS ended
            FROM workers WHERE workers.workspace_sid = \(bind: workspaceSid)
            """).all()
        var ended: [String: Date] = [:]
        for row in rows {
            guard let last = try row.decode(column: "ended", as: Int64?.self) else { continue }
            ended[try row.decode(column: "worker_sid", as: String.self)] = StoredDate.decode(last)
        }
        return ended
    }

    func load(workerSid: String) async throws -> [String: Int] {
        let rows = try await database.select()
            .column("task_channel_sid").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("reservations").where("worker_sid", .equal, workerSid)
            .where("status", .in, [ReservationStatus.pending, .accepted, .wrapping].map(\.rawValue))
            .groupBy("task_channel_sid").all()
        var load: [String: Int] = [:]
        for row in rows { load[try row.decode(column: "task_channel_sid", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return load
    }

    func load(workspaceSid: String) async throws -> [String: [String: Int]] {
        let rows = try await database.select()
            .column("worker_sid").column("task_channel_sid").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("reservations").where("workspace_sid", .equal, workspaceSid)
            .where("status", .in, [ReservationStatus.pending, .accepted, .wrapping].map(\.rawValue))
            .groupBy("worker_sid").groupBy("task_channel_sid").all()
        var load: [String: [String: Int]] = [:]
        for row in rows {
            load[try row.decode(column: "worker_sid", as: String.self), default: [:]][try row.decode(column: "task_channel_sid", as: String.self)] =
                try row.decode(column: "n", as: Int.self)
        }
        return load
    }

    func declinedWorkers(taskSids: [String]) async throws -> [String: Set<String>] {
        try await workers(taskSids: taskSids, statuses: Self.declined, returned: false)
    }

    func pendingWorkers(taskSids: [String]) async throws -> [String: Set<String>] {
        try await workers(taskSids: taskSids, statuses: [.pending], returned: nil)
    }

    func workerReturned(workerSid: String) async throws {
        try await database.update("reservations").set("worker_returned", to: true)
            .where("worker_sid", .equal, workerSid)
            .where("status", .in, Self.declined.map(\.rawValue))
            .where("worker_returned", .equal, false).run()
    }

    /// The statuses in which a worker turned a task down.
    private static let declined: [ReservationStatus] = [.rejected, .timeout]

    /// For each of these tasks, the workers of its reservations in one of these statuses, only those whose worker
    /// has or has not returned since when `returned` says.
    private func workers(taskSids: [String], statuses: [ReservationStatus], returned: Bool?) async throws -> [String: Set<String>] {
        guard !taskSids.isEmpty else { return [:] }
        var query = database.select().column("task_sid").column("worker_sid").from("reservations")
            .where("task_sid", .in, taskSids)
            .where("status", .in, statuses.map(\.rawValue))
        if let returned { query = query.where("worker_returned", .equal, returned) }
        let rows = try await query.all()
        var workers: [String: Set<String>] = [:]
        for row in rows {
            workers[try row.decode(column: "task_sid", as: String.self), default: []].insert(try row.decode(column: "worker_sid", as: String.self))
        }
        return workers
    }

    func recountAssignedTasks(workerSid: String, taskChannelSid: String) async throws {
        // Lock the channel first: two transactions recounting one worker would otherwise each miss the
        // other's change and leave a wrong number behind.
        _ = try await database.select().column("sid").from("worker_channels")
            .where("worker_sid", .equal, workerSid).where("task_channel_sid", .equal, taskChannelSid)
            .for(.update).all()
        let count = try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("reservations")
            .where("worker_sid", .equal, workerSid).where("task_channel_sid", .equal, taskChannelSid)
            .where("status", .in, [ReservationStatus.accepted.rawValue, ReservationStatus.wrapping.rawValue])
            .first()?.decode(column: "n", as: Int.self) ?? 0
        try await database.update("worker_channels").set("assigned_tasks", to: count)
            .where("worker_sid", .equal, workerSid).where("task_channel_sid", .equal, taskChannelSid).run()
    }

    static func decode(_ row: any SQLRow) throws -> Reservation {
        Reservation(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
            taskSid: try row.decode(column: "task_sid", as: String.self),
            workerSid: try row.decode(column: "worker_sid", as: String.self),
            workerName: try row.decode(column: "worker_name", as: String.self),
            status: ReservationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(StoredDate.decode),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

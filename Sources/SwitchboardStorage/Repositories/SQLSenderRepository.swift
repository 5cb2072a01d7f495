import Foundation
import SQLKit
import SwitchboardCore

/// ``SenderRepository`` over SQL: the configuration as a document, the health in columns that a send updates in
/// place.
struct SQLSenderRepository: SenderRepository {
    let database: any SQLDatabase
    let table: DocumentTable<Sender>

    init(database: any SQLDatabase) {
        self.database = database
        table = DocumentTable(database: database, name: "senders")
    }

    func insert(_ sender: Sender) async throws {
        try await table.insert(sender, sid: sender.sid, accountSid: sender.accountSid, keys: [("address", SQLBind(sender.address))])
    }
    func find(sid: String, accountSid: String) async throws -> Sender? {
        try await table.select([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))]).first().map(Self.decode)
    }
    func find(sid: String) async throws -> Sender? {
        try await table.select([("sid", SQLBind(sid))]).first().map(Self.decode)
    }
    func find(address: String, accountSid: String) async throws -> Sender? {
        try await table.select([("account_sid", SQLBind(accountSid)), ("address", SQLBind(address))]).first().map(Self.decode)
    }
    func all(address: String) async throws -> [Sender] {
        try await table.select([("address", SQLBind(address))]).orderBy("seq").all().map(Self.decode)
    }
    func all(connector: ConnectorKind) async throws -> [Sender] {
        // The kind lives in the document; senders are few, so they are filtered here rather than given a column.
        try await table.select([]).orderBy("seq").all().map(Self.decode).filter { $0.connector == connector }
    }
    func list(accountSid: String, page: PageRequest) async throws -> Page<Sender> {
        try await KeysetPage.fetch(table.select([("account_sid", SQLBind(accountSid))]), page: page, decode: Self.decode)
    }
    func update(_ sender: Sender) async throws {
        try await table.update(sender, sid: sender.sid, keys: [("address", SQLBind(sender.address))])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }
    func recordSent(sid: String) async throws {
        try await database.update("senders").set(SQLIdentifier("sent_count"), to: SQLRaw("sent_count + 1")).where("sid", .equal, sid).run()
    }
    func recordFailure(sid: String, error: String, at date: Date, counted: Bool) async throws {
        let update = database.update("senders")
            .set(SQLIdentifier("last_failure_at"), to: SQLBind(StoredDate.encode(date)))
            .set(SQLIdentifier("last_error"), to: SQLBind(error))
        if counted { update.set(SQLIdentifier("failed_count"), to: SQLRaw("failed_count + 1")) }
        try await update.where("sid", .equal, sid).run()
    }

    static func decode(_ row: any SQLRow) throws -> Sender {
        var sender = try DocumentTable<Sender>.decode(row)
        sender.health = SenderHealth(
            sentCount: try row.decode(column: "sent_count", as: Int.self),
            failedCount: try row.decode(column: "failed_count", as: Int.self),
            lastFailureAt: try row.decode(column: "last_failure_at", as: Int64?.self).map(StoredDate.decode),
            lastError: try row.decode(column: "last_error", as: String?.self))
        return sender
    }
}

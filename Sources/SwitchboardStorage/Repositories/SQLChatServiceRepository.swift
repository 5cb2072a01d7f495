import SQLKit
import SwitchboardCore

/// ``ChatServiceRepository`` over SQL.
struct SQLChatServiceRepository: ChatServiceRepository {
    let table: DocumentTable<ChatService>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_services") }

    func insert(_ service: ChatService) async throws {
        try await table.insert(service, sid: service.sid, accountSid: service.accountSid, keys: [])
    }
    func find(sid: String, accountSid: String) async throws -> ChatService? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func list(accountSid: String, page: PageRequest) async throws -> Page<ChatService> {
        try await table.page([("account_sid", SQLBind(accountSid))], page: page)
    }
    func lock(sid: String) async throws {
        // The row stays locked until the caller's transaction commits (SQLite serialises writers anyway).
        _ = try await table.database.select().column("sid").from(table.name).where("sid", .equal, sid).for(.update).first()
    }
    func update(_ service: ChatService) async throws {
        try await table.update(service, sid: service.sid, keys: [])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        guard try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid) else { return false }
        for child in ["chat_members", "chat_messages", "chat_webhooks", "chat_invites"] {
            try await table.database.raw("""
                DELETE FROM \(unsafeRaw: child) WHERE channel_sid IN (SELECT sid FROM chat_channels WHERE service_sid = \(bind: sid))
                """).run()
        }
        for child in ["chat_channels", "chat_users", "chat_roles"] {
            try await table.database.delete(from: child).where("service_sid", .equal, sid).run()
        }
        return true
    }
}

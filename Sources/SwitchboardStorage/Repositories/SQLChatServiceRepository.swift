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
    func update(_ service: ChatService) async throws {
        try await table.update(service, sid: service.sid, keys: [])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }
}

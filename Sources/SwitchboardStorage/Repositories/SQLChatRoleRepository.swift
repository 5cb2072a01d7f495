import SQLKit
import SwitchboardCore

/// ``ChatRoleRepository`` over SQL.
struct SQLChatRoleRepository: ChatRoleRepository {
    let table: DocumentTable<ChatRole>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_roles") }

    func insert(_ role: ChatRole) async throws {
        try await table.insert(role, sid: role.sid, accountSid: role.accountSid, keys: [("service_sid", SQLBind(role.serviceSid))])
    }
    func find(sid: String, serviceSid: String) async throws -> ChatRole? {
        try await table.first([("sid", SQLBind(sid)), ("service_sid", SQLBind(serviceSid))])
    }
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ChatRole> {
        try await table.page([("service_sid", SQLBind(serviceSid))], page: page)
    }
    func update(_ role: ChatRole) async throws {
        try await table.update(role, sid: role.sid, keys: [])
    }
    func delete(sid: String, serviceSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "service_sid", scope: serviceSid)
    }
}

import SQLKit
import SwitchboardCore

/// ``ChatUserRepository`` over SQL.
struct SQLChatUserRepository: ChatUserRepository {
    let table: DocumentTable<ChatUser>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_users") }

    func insert(_ user: ChatUser) async throws {
        try await table.insert(user, sid: user.sid, accountSid: user.accountSid,
                               keys: [("service_sid", SQLBind(user.serviceSid)), ("identity", SQLBind(user.identity))])
    }
    func find(sid: String, serviceSid: String) async throws -> ChatUser? {
        try await table.first([("sid", SQLBind(sid)), ("service_sid", SQLBind(serviceSid))])
    }
    func find(identity: String, serviceSid: String) async throws -> ChatUser? {
        try await table.first([("identity", SQLBind(identity)), ("service_sid", SQLBind(serviceSid))])
    }
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ChatUser> {
        try await table.page([("service_sid", SQLBind(serviceSid))], page: page)
    }
    func update(_ user: ChatUser) async throws {
        try await table.update(user, sid: user.sid, keys: [])
    }
    func delete(sid: String, serviceSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "service_sid", scope: serviceSid)
    }
}

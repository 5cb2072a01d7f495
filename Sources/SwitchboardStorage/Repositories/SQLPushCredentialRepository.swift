import SQLKit
import SwitchboardCore

/// ``PushCredentialRepository`` over SQL.
struct SQLPushCredentialRepository: PushCredentialRepository {
    let table: DocumentTable<PushCredential>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "push_credentials") }

    func insert(_ credential: PushCredential) async throws {
        try await table.insert(credential, sid: credential.sid, accountSid: credential.accountSid, keys: [])
    }
    func find(sid: String, accountSid: String) async throws -> PushCredential? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func list(accountSid: String, page: PageRequest) async throws -> Page<PushCredential> {
        try await table.page([("account_sid", SQLBind(accountSid))], page: page)
    }
    func update(_ credential: PushCredential) async throws {
        try await table.update(credential, sid: credential.sid, keys: [])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }
}

import SQLKit
import SwitchboardCore

/// ``ProxyServiceRepository`` over SQL.
struct SQLProxyServiceRepository: ProxyServiceRepository {
    let table: DocumentTable<ProxyService>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "proxy_services") }

    func insert(_ service: ProxyService) async throws {
        try await table.insert(service, sid: service.sid, accountSid: service.accountSid, keys: [("unique_name", SQLBind(service.uniqueName))])
    }
    func find(sid: String, accountSid: String) async throws -> ProxyService? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func find(uniqueName: String, accountSid: String) async throws -> ProxyService? {
        try await table.first([("unique_name", SQLBind(uniqueName)), ("account_sid", SQLBind(accountSid))])
    }
    func list(accountSid: String, page: PageRequest) async throws -> Page<ProxyService> {
        try await table.page([("account_sid", SQLBind(accountSid))], page: page)
    }
    func update(_ service: ProxyService) async throws {
        try await table.update(service, sid: service.sid, keys: [("unique_name", SQLBind(service.uniqueName))])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }
}

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
        guard try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid) else { return false }
        // A pool number left behind would still be found when a customer writes to it.
        for child in ["proxy_participants", "proxy_interactions"] {
            try await table.database.raw("""
                DELETE FROM \(unsafeRaw: child) WHERE session_sid IN (SELECT sid FROM proxy_sessions WHERE service_sid = \(bind: sid))
                """).run()
        }
        for child in ["proxy_sessions", "proxy_phone_numbers"] {
            try await table.database.delete(from: child).where("service_sid", .equal, sid).run()
        }
        return true
    }
}

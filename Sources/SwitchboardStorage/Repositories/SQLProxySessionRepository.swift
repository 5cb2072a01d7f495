import Foundation
import SQLKit
import SwitchboardCore

/// ``ProxySessionRepository`` over SQL. `status` and `expires_at` are columns so the expiry sweep is one indexed query.
struct SQLProxySessionRepository: ProxySessionRepository {
    let table: DocumentTable<ProxySession>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "proxy_sessions") }

    static func keys(_ session: ProxySession) -> [(String, SQLBind)] {
        [("unique_name", SQLBind(session.uniqueName)), ("status", SQLBind(session.status)),
         ("expires_at", SQLBind(session.expiresAt.map(StoredDate.encode)))]
    }

    func insert(_ session: ProxySession) async throws {
        try await table.insert(session, sid: session.sid, accountSid: session.accountSid,
                               keys: [("service_sid", SQLBind(session.serviceSid))] + Self.keys(session))
    }
    func find(sid: String, serviceSid: String) async throws -> ProxySession? {
        try await table.first([("sid", SQLBind(sid)), ("service_sid", SQLBind(serviceSid))])
    }
    func find(sid: String, accountSid: String) async throws -> ProxySession? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func find(uniqueName: String, serviceSid: String) async throws -> ProxySession? {
        try await table.first([("unique_name", SQLBind(uniqueName)), ("service_sid", SQLBind(serviceSid))])
    }
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ProxySession> {
        try await table.page([("service_sid", SQLBind(serviceSid))], page: page)
    }
    func expired(at now: Date) async throws -> [ProxySession] {
        try await table.database.select().column("*").from(table.name)
            .where("status", .in, ["open", "in-progress"])
            .where("expires_at", .isNot, SQLLiteral.null)
            .where("expires_at", .lessThanOrEqual, StoredDate.encode(now))
            .orderBy("seq").all().map(DocumentTable<ProxySession>.decode)
    }
    func update(_ session: ProxySession) async throws {
        try await table.update(session, sid: session.sid, keys: Self.keys(session))
    }
    func delete(sid: String, serviceSid: String) async throws -> Bool {
        guard try await table.delete(sid: sid, scopeColumn: "service_sid", scope: serviceSid) else { return false }
        for child in ["proxy_participants", "proxy_interactions"] {
            try await table.database.delete(from: child).where("session_sid", .equal, sid).run()
        }
        return true
    }
}

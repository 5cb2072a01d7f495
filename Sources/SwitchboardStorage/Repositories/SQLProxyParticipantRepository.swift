import SQLKit
import SwitchboardCore

/// ``ProxyParticipantRepository`` over SQL.
struct SQLProxyParticipantRepository: ProxyParticipantRepository {
    let table: DocumentTable<ProxyParticipant>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "proxy_participants") }

    func insert(_ participant: ProxyParticipant) async throws {
        try await table.insert(participant, sid: participant.sid, accountSid: participant.accountSid, keys: [
            ("session_sid", SQLBind(participant.sessionSid)), ("identifier", SQLBind(participant.identifier)),
            ("proxy_identifier", SQLBind(participant.proxyIdentifier)),
        ])
    }
    func find(sid: String, sessionSid: String) async throws -> ProxyParticipant? {
        try await table.first([("sid", SQLBind(sid)), ("session_sid", SQLBind(sessionSid))])
    }
    func all(sessionSid: String) async throws -> [ProxyParticipant] {
        try await table.all([("session_sid", SQLBind(sessionSid))])
    }
    func list(sessionSid: String, page: PageRequest) async throws -> Page<ProxyParticipant> {
        try await table.page([("session_sid", SQLBind(sessionSid))], page: page)
    }
    func all(identifier: String, proxyIdentifier: String, accountSid: String) async throws -> [ProxyParticipant] {
        try await table.all([("identifier", SQLBind(identifier)), ("proxy_identifier", SQLBind(proxyIdentifier)),
                             ("account_sid", SQLBind(accountSid))])
    }
    func all(proxyIdentifier: String, accountSid: String) async throws -> [ProxyParticipant] {
        try await table.all([("proxy_identifier", SQLBind(proxyIdentifier)), ("account_sid", SQLBind(accountSid))])
    }
    func delete(sid: String, sessionSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "session_sid", scope: sessionSid)
    }
}

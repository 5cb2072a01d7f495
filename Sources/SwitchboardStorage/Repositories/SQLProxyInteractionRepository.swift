import SQLKit
import SwitchboardCore

/// ``ProxyInteractionRepository`` over SQL.
struct SQLProxyInteractionRepository: ProxyInteractionRepository {
    let table: DocumentTable<ProxyInteraction>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "proxy_interactions") }

    func insert(_ interaction: ProxyInteraction) async throws {
        try await table.insert(interaction, sid: interaction.sid, accountSid: interaction.accountSid, keys: Self.keys(interaction))
    }
    func find(sid: String, sessionSid: String) async throws -> ProxyInteraction? {
        try await table.first([("sid", SQLBind(sid)), ("session_sid", SQLBind(sessionSid))])
    }
    func find(sid: String, accountSid: String) async throws -> ProxyInteraction? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func update(_ interaction: ProxyInteraction) async throws {
        try await table.update(interaction, sid: interaction.sid, keys: Self.keys(interaction))
    }
    func list(sessionSid: String, outboundParticipantSid: String?, page: PageRequest) async throws -> Page<ProxyInteraction> {
        var filters = [("session_sid", SQLBind(sessionSid))]
        if let outboundParticipantSid { filters.append(("outbound_participant_sid", SQLBind(outboundParticipantSid))) }
        return try await table.page(filters, page: page)
    }
    func delete(sid: String, sessionSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "session_sid", scope: sessionSid)
    }

    /// The columns lists filter on, beside the document.
    static func keys(_ interaction: ProxyInteraction) -> [(String, SQLBind)] {
        [("session_sid", SQLBind(interaction.sessionSid)), ("inbound_participant_sid", SQLBind(interaction.inboundParticipantSid)),
         ("outbound_participant_sid", SQLBind(interaction.outboundParticipantSid))]
    }
}

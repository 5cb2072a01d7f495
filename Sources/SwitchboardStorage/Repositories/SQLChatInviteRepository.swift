import SQLKit
import SwitchboardCore

/// ``ChatInviteRepository`` over SQL.
struct SQLChatInviteRepository: ChatInviteRepository {
    let table: DocumentTable<ChatInvite>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_invites") }

    func insert(_ invite: ChatInvite) async throws {
        try await table.insert(invite, sid: invite.sid, accountSid: invite.accountSid,
                               keys: [("service_sid", SQLBind(invite.serviceSid)), ("channel_sid", SQLBind(invite.channelSid)),
                                      ("identity", SQLBind(invite.identity))])
    }
    func find(sid: String, channelSid: String) async throws -> ChatInvite? {
        try await table.first([("sid", SQLBind(sid)), ("channel_sid", SQLBind(channelSid))])
    }
    func find(identity: String, channelSid: String) async throws -> ChatInvite? {
        try await table.first([("identity", SQLBind(identity)), ("channel_sid", SQLBind(channelSid))])
    }
    func list(channelSid: String, identities: [String], page: PageRequest) async throws -> Page<ChatInvite> {
        let query = table.select([("channel_sid", SQLBind(channelSid))])
        if !identities.isEmpty { query.where("identity", .in, identities) }
        return try await KeysetPage.fetch(query, page: page, decode: DocumentTable<ChatInvite>.decode)
    }
    func delete(sid: String, channelSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "channel_sid", scope: channelSid)
    }
}

import SQLKit
import SwitchboardCore

/// ``ChatChannelRepository`` over SQL.
struct SQLChatChannelRepository: ChatChannelRepository {
    let table: DocumentTable<ChatChannel>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_channels") }

    static func keys(_ channel: ChatChannel) -> [(String, SQLBind)] {
        [("unique_name", SQLBind(channel.uniqueName)), ("type", SQLBind(channel.type))]
    }

    func insert(_ channel: ChatChannel) async throws {
        try await table.insert(channel, sid: channel.sid, accountSid: channel.accountSid,
                               keys: [("service_sid", SQLBind(channel.serviceSid))] + Self.keys(channel))
    }
    func find(sid: String, serviceSid: String) async throws -> ChatChannel? {
        try await table.first([("sid", SQLBind(sid)), ("service_sid", SQLBind(serviceSid))])
    }
    func find(sid: String, accountSid: String) async throws -> ChatChannel? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func find(uniqueName: String, serviceSid: String) async throws -> ChatChannel? {
        try await table.first([("unique_name", SQLBind(uniqueName)), ("service_sid", SQLBind(serviceSid))])
    }
    func list(serviceSid: String, type: String?, page: PageRequest) async throws -> Page<ChatChannel> {
        var filters = [("service_sid", SQLBind(serviceSid))]
        if let type { filters.append(("type", SQLBind(type))) }
        return try await table.page(filters, page: page)
    }
    func update(_ channel: ChatChannel) async throws {
        try await table.update(channel, sid: channel.sid, keys: Self.keys(channel))
    }
    func delete(sid: String, serviceSid: String) async throws -> Bool {
        guard try await table.delete(sid: sid, scopeColumn: "service_sid", scope: serviceSid) else { return false }
        // What belonged to the channel goes with it: a member left behind would still count in its user's channels.
        for child in ["chat_members", "chat_messages", "chat_webhooks", "chat_invites"] {
            try await table.database.delete(from: child).where("channel_sid", .equal, sid).run()
        }
        return true
    }
}

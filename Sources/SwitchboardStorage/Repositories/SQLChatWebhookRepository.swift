import SQLKit
import SwitchboardCore

/// ``ChatWebhookRepository`` over SQL.
struct SQLChatWebhookRepository: ChatWebhookRepository {
    let table: DocumentTable<ChatChannelWebhook>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_webhooks") }

    func insert(_ webhook: ChatChannelWebhook) async throws {
        try await table.insert(webhook, sid: webhook.sid, accountSid: webhook.accountSid, keys: [("channel_sid", SQLBind(webhook.channelSid))])
    }
    func find(sid: String, channelSid: String) async throws -> ChatChannelWebhook? {
        try await table.first([("sid", SQLBind(sid)), ("channel_sid", SQLBind(channelSid))])
    }
    func all(channelSid: String) async throws -> [ChatChannelWebhook] {
        try await table.all([("channel_sid", SQLBind(channelSid))])
    }
    func list(channelSid: String, page: PageRequest) async throws -> Page<ChatChannelWebhook> {
        try await table.page([("channel_sid", SQLBind(channelSid))], page: page)
    }
    func update(_ webhook: ChatChannelWebhook) async throws {
        try await table.update(webhook, sid: webhook.sid, keys: [])
    }
    func delete(sid: String, channelSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "channel_sid", scope: channelSid)
    }
}

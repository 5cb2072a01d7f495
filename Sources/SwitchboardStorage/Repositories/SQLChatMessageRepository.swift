import SQLKit
import SwitchboardCore

/// ``ChatMessageRepository`` over SQL.
struct SQLChatMessageRepository: ChatMessageRepository {
    let table: DocumentTable<ChatMessage>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_messages") }

    func insert(_ message: ChatMessage) async throws {
        try await table.insert(message, sid: message.sid, accountSid: message.accountSid,
                               keys: [("channel_sid", SQLBind(message.channelSid)), ("message_index", SQLBind(message.index))])
    }
    func find(sid: String, channelSid: String) async throws -> ChatMessage? {
        try await table.first([("sid", SQLBind(sid)), ("channel_sid", SQLBind(channelSid))])
    }
    func list(channelSid: String, page: PageRequest) async throws -> Page<ChatMessage> {
        try await table.page([("channel_sid", SQLBind(channelSid))], page: page)
    }
    func count(channelSid: String) async throws -> Int {
        try await table.count([("channel_sid", SQLBind(channelSid))])
    }
    func count(channelSid: String, after index: Int) async throws -> Int {
        let row = try await table.database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table.name)
            .where("channel_sid", .equal, channelSid).where("message_index", .greaterThan, index).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
    func nextIndex(channelSid: String) async throws -> Int {
        // The channel's row stays locked until the caller's transaction commits, so two posts to one channel take
        // consecutive indexes instead of both reading the same highest one (SQLite serialises writers anyway).
        _ = try await table.database.select().column("sid").from("chat_channels").where("sid", .equal, channelSid)
            .for(.update).first()
        let row = try await table.database.select()
            .column(SQLFunction("MAX", args: SQLIdentifier("message_index")), as: "highest")
            .from(table.name).where("channel_sid", .equal, channelSid).first()
        return (try row?.decode(column: "highest", as: Int?.self)).flatMap { $0 }.map { $0 + 1 } ?? 0
    }
    func update(_ message: ChatMessage) async throws {
        try await table.update(message, sid: message.sid, keys: [])
    }
    func delete(sid: String, channelSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "channel_sid", scope: channelSid)
    }
}

import Foundation
import SQLKit
import SwitchboardCore

/// ``MessageRepository`` over SQL.
struct SQLMessageRepository: MessageRepository {
    let database: any SQLDatabase

    func insert(_ message: Message) async throws {
        let columns = Self.columns(of: message)
        try await database.insert(into: "messages")
            .columns(["sid", "account_sid"] + columns.map(\.0))
            .values([SQLBind(message.sid), SQLBind(message.accountSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, accountSid: String) async throws -> Message? {
        try await database.findRow(in: "messages", sid: sid, scopeColumn: "account_sid", scope: accountSid, decode: Self.decode)
    }

    func lock(sid: String) async throws -> Message? {
        try await database.select().column("*").from("messages").where("sid", .equal, sid).for(.update).first().map(Self.decode)
    }

    func update(_ message: Message) async throws {
        // Before the update, which would hide whether the status changes.
        try await SQLAgentFeedRepository.recordDeliveryChange(channelMessageSid: message.sid, newStatus: message.status.rawValue, in: database)
        let update = database.update("messages")
        for (column, value) in Self.columns(of: message) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, message.sid).run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "messages", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    func list(accountSid: String, filter: MessageFilter, page: PageRequest) async throws -> Page<Message> {
        let query = database.select().column("*").from("messages").where("account_sid", .equal, accountSid)
        if let to = filter.to { query.where("to_address", .equal, to) }
        if let from = filter.from { query.where("from_address", .equal, from) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func find(providerMessageID: String, accountSid: String) async throws -> Message? {
        try await database.select().column("*").from("messages").where("account_sid", .equal, accountSid)
            .where("provider_message_id", .equal, providerMessageID).limit(1).first().map(Self.decode)
    }

    func lastInbound(accountSid: String, channel: DeliveryChannel, customer: String, business: String) async throws -> Date? {
        // `messages_account_from` leads with (account_sid, from_address), so this reads one customer's messages.
        let row = try await database.select().column("date_created").from("messages")
            .where("account_sid", .equal, accountSid).where("from_address", .equal, customer)
            .where("to_address", .equal, business).where("channel", .equal, channel.rawValue)
            .where("direction", .equal, MessageDirection.inbound.rawValue)
            .orderBy("seq", .descending).limit(1).first()
        return try row.map { StoredDate.decode(try $0.decode(column: "date_created", as: Int64.self)) }
    }

    func awaitingReceipt(
        accountSid: String, channel: DeliveryChannel, business: String, customer: String, sentThrough: Date, limit: Int
    ) async throws -> [Message] {
        // `messages_account_to` leads with (account_sid, to_address), so this reads one customer's messages.
        try await database.select().column("*").from("messages")
            .where("account_sid", .equal, accountSid).where("to_address", .equal, customer)
            .where("from_address", .equal, business).where("channel", .equal, channel.rawValue)
            .where("direction", .notEqual, MessageDirection.inbound.rawValue)
            .where("status", .in, [MessageStatus.sent.rawValue, MessageStatus.delivered.rawValue])
            .where("date_sent", .lessThanOrEqual, StoredDate.encode(sentThrough))
            .orderBy("seq").limit(limit).all().map(Self.decode)
    }

    static func columns(of message: Message) -> [(String, SQLBind)] {
        [
            ("channel", SQLBind(message.channel.rawValue)),
            ("direction", SQLBind(message.direction.rawValue)),
            ("from_address", SQLBind(message.from)),
            ("to_address", SQLBind(message.to)),
            ("body", SQLBind(message.body)),
            ("content_sid", SQLBind(message.contentSid)),
            ("content_variables", SQLBind(message.contentVariables)),
            ("subject", SQLBind(message.subject)),
            // One URL a line: a URL cannot hold a line break.
            ("media_urls", SQLBind(message.mediaUrls.isEmpty ? nil : message.mediaUrls.joined(separator: "\n"))),
            ("provider_message_id", SQLBind(message.providerMessageID)),
            ("status", SQLBind(message.status.rawValue)),
            ("error_code", SQLBind(message.errorCode)),
            ("error_message", SQLBind(message.errorMessage)),
            ("status_callback", SQLBind(message.statusCallback)),
            ("origin", SQLBind(message.origin)),
            ("date_created", SQLBind(StoredDate.encode(message.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(message.dateUpdated))),
            ("date_sent", SQLBind(message.dateSent.map(StoredDate.encode))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Message {
        Message(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            channel: try StoredEnum.decode(DeliveryChannel.self, row, "channel"),
            direction: try StoredEnum.decode(MessageDirection.self, row, "direction"),
            from: try row.decode(column: "from_address", as: String.self),
            to: try row.decode(column: "to_address", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            contentSid: try row.decode(column: "content_sid", as: String?.self),
            contentVariables: try row.decode(column: "content_variables", as: String?.self),
            subject: try row.decode(column: "subject", as: String?.self),
            mediaUrls: try row.decode(column: "media_urls", as: String?.self).map { $0.split(separator: "\n").map(String.init) } ?? [],
            providerMessageID: try row.decode(column: "provider_message_id", as: String?.self),
            status: try StoredEnum.decode(MessageStatus.self, row, "status"),
            errorCode: try row.decode(column: "error_code", as: Int?.self),
            errorMessage: try row.decode(column: "error_message", as: String?.self),
            statusCallback: try row.decode(column: "status_callback", as: String?.self),
            origin: try row.decode(column: "origin", as: String.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)),
            dateSent: try row.decode(column: "date_sent", as: Int64?.self).map(StoredDate.decode))
    }
}

import Foundation
import SQLKit
import SwitchboardCore

/// ``ConversationRepository`` over SQL.
struct SQLConversationRepository: ConversationRepository {
    let database: any SQLDatabase

    // MARK: Conversations

    func holdBinding(accountSid: String, address: String, proxyAddress: String?) async throws {
        guard database.dialect.name == "postgresql" else { return }
        let key = "conversation binding \(accountSid) \(address) \(proxyAddress ?? "")"
        try await database.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
    }

    func insert(_ conversation: Conversation) async throws {
        let columns = Self.columns(of: conversation)
        try await database.insert(into: "conversations")
            .columns(["sid", "account_sid"] + columns.map(\.0))
            .values([SQLBind(conversation.sid), SQLBind(conversation.accountSid)] + columns.map(\.1))
            .run()
    }

    func find(sidOrUniqueName key: String, accountSid: String) async throws -> Conversation? {
        try await database.select().column("*").from("conversations").where("account_sid", .equal, accountSid)
            .where(group: { $0.where("sid", .equal, key).orWhere("unique_name", .equal, key) })
            .first().map(Self.decode)
    }

    func lock(sid: String, accountSid: String) async throws -> Conversation? {
        try await database.select().column("*").from("conversations")
            .where("sid", .equal, sid).where("account_sid", .equal, accountSid)
            .for(.update).first().map(Self.decode)
    }

    func update(_ conversation: Conversation) async throws {
        let update = database.update("conversations")
        for (column, value) in Self.columns(of: conversation) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, conversation.sid).run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        // Children first: SQLite enforces ON DELETE CASCADE only with foreign keys switched on.
        try await database.delete(from: "conversation_messages").where("conversation_sid", .equal, sid).where("account_sid", .equal, accountSid).run()
        try await database.delete(from: "conversation_participants").where("conversation_sid", .equal, sid).where("account_sid", .equal, accountSid).run()
        try await database.delete(from: "conversation_webhooks").where("conversation_sid", .equal, sid).where("account_sid", .equal, accountSid).run()
        return try await database.deleteRow(from: "conversations", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    func dueTimers(at now: Date, limit: Int) async throws -> [Conversation] {
        let due = StoredDate.encode(now)
        return try await database.select().column("*").from("conversations")
            .where("state", .notEqual, ConversationState.closed.rawValue)
            .where(group: { $0.where("date_closed", .lessThanOrEqual, due).orWhere("date_inactive", .lessThanOrEqual, due) })
            .orderBy("seq").limit(limit).all().map(Self.decode)
    }

    func list(accountSid: String, state: ConversationState?, page: PageRequest) async throws -> Page<Conversation> {
        let query = database.select().column("*").from("conversations").where("account_sid", .equal, accountSid)
        if let state { query.where("state", .equal, state.rawValue) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func find(sidOrUniqueName key: String, accountSid: String, service: ConversationServiceFilter) async throws -> Conversation? {
        let query = database.select().column("*").from("conversations").where("account_sid", .equal, accountSid)
            .where(group: { $0.where("sid", .equal, key).orWhere("unique_name", .equal, key) })
        return try await Self.inService(query, service).first().map(Self.decode)
    }

    func list(accountSid: String, service: ConversationServiceFilter, state: ConversationState?, page: PageRequest) async throws -> Page<Conversation> {
        let query = database.select().column("*").from("conversations").where("account_sid", .equal, accountSid)
        if let state { query.where("state", .equal, state.rawValue) }
        return try await KeysetPage.fetch(Self.inService(query, service), page: page, decode: Self.decode)
    }

    func assignService(_ serviceSid: String, toUnassignedOf accountSid: String) async throws {
        try await database.update("conversations").set("chat_service_sid", to: serviceSid)
            .where("account_sid", .equal, accountSid).where("chat_service_sid", .is, SQLLiteral.null).run()
    }

    func deleteAll(accountSid: String, service: ConversationServiceFilter) async throws {
        let query = database.select().column("sid").from("conversations").where("account_sid", .equal, accountSid)
        let sids = try await Self.inService(query, service).all().map { try $0.decode(column: "sid", as: String.self) }
        // In slices, as databases cap the parameters of one statement.
        for start in stride(from: 0, to: sids.count, by: 500) {
            let slice = Array(sids[start..<min(start + 500, sids.count)])
            for table in ["conversation_messages", "conversation_participants", "conversation_webhooks"] {
                try await database.delete(from: table).where("conversation_sid", .in, slice).run()
            }
            try await database.delete(from: "conversations").where("sid", .in, slice).run()
        }
    }

    /// Narrows a query of `conversations` to one service's.
    static func inService(_ query: SQLSelectBuilder, _ service: ConversationServiceFilter) -> SQLSelectBuilder {
        guard service.isDefault else { return query.where("chat_service_sid", .equal, service.serviceSid) }
        return query.where(group: { $0.where("chat_service_sid", .equal, service.serviceSid).orWhere("chat_service_sid", .is, SQLLiteral.null) })
    }

    static func columns(of conversation: Conversation) -> [(String, SQLBind)] {
        [
            ("chat_service_sid", SQLBind(conversation.chatServiceSid)),
            ("friendly_name", SQLBind(conversation.friendlyName)),
            ("unique_name", SQLBind(conversation.uniqueName)),
            ("attributes", SQLBind(conversation.attributes)),
            ("state", SQLBind(conversation.state.rawValue)),
            ("date_inactive", SQLBind(conversation.dateInactive.map(StoredDate.encode))),
            ("date_closed", SQLBind(conversation.dateClosed.map(StoredDate.encode))),
            ("inactive_after", SQLBind(conversation.inactiveAfter.map { Int64(saturating: $0) })),
            ("closed_after", SQLBind(conversation.closedAfter.map { Int64(saturating: $0) })),
            ("next_message_index", SQLBind(Int64(conversation.nextMessageIndex))),
            ("date_created", SQLBind(StoredDate.encode(conversation.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(conversation.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> Conversation {
        Conversation(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String?.self),
            uniqueName: try row.decode(column: "unique_name", as: String?.self),
            attributes: try row.decode(column: "attributes", as: String.self),
            state: try StoredEnum.decode(ConversationState.self, row, "state"),
            dateInactive: try row.decode(column: "date_inactive", as: Int64?.self).map(StoredDate.decode),
            dateClosed: try row.decode(column: "date_closed", as: Int64?.self).map(StoredDate.decode),
            inactiveAfter: try row.decode(column: "inactive_after", as: Int64?.self).map(TimeInterval.init),
            closedAfter: try row.decode(column: "closed_after", as: Int64?.self).map(TimeInterval.init),
            nextMessageIndex: Int(try row.decode(column: "next_message_index", as: Int64.self)),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)),
            chatServiceSid: try row.decode(column: "chat_service_sid", as: String?.self))
    }

    // MARK: Participants

    func insertParticipant(_ participant: ConversationParticipant) async throws {
        let columns = Self.columns(of: participant)
        try await database.insert(into: "conversation_participants")
            .columns(["sid", "account_sid", "conversation_sid"] + columns.map(\.0))
            .values([SQLBind(participant.sid), SQLBind(participant.accountSid), SQLBind(participant.conversationSid)] + columns.map(\.1))
            .run()
    }

    func findParticipant(sidOrIdentity key: String, conversationSid: String, accountSid: String) async throws -> ConversationParticipant? {
        try await database.select().column("*").from("conversation_participants")
            .where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .where(group: { $0.where("sid", .equal, key).orWhere("identity", .equal, key) })
            .first().map(Self.decodeParticipant)
    }

    func updateParticipant(_ participant: ConversationParticipant) async throws {
        let update = database.update("conversation_participants")
        for (column, value) in Self.columns(of: participant) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, participant.sid).run()
    }

    func deleteParticipant(sid: String, conversationSid: String, accountSid: String) async throws -> Bool {
        !(try await database.delete(from: "conversation_participants")
            .where("sid", .equal, sid).where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .returning("sid").all()).isEmpty
    }

    func listParticipants(conversationSid: String, accountSid: String, page: PageRequest) async throws -> Page<ConversationParticipant> {
        let query = database.select().column("*").from("conversation_participants")
            .where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeParticipant)
    }

    func participants(conversationSid: String) async throws -> [ConversationParticipant] {
        try await database.select().column("*").from("conversation_participants")
            .where("conversation_sid", .equal, conversationSid).orderBy("seq").all().map(Self.decodeParticipant)
    }

    func participants(accountSid: String, address: String?, proxyAddress: String?, identity: String?, page: PageRequest) async throws -> Page<ConversationParticipant> {
        let query = database.select().column("*").from("conversation_participants").where("account_sid", .equal, accountSid)
        if let address { query.where("address", .equal, address) }
        if let proxyAddress { query.where("proxy_address", .equal, proxyAddress) }
        if let identity { query.where("identity", .equal, identity) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeParticipant)
    }

    func participants(accountSid: String, service: ConversationServiceFilter, address: String?, proxyAddress: String?, identity: String?,
                      page: PageRequest) async throws -> Page<ConversationParticipant> {
        let conversations = database.select().column("sid").from("conversations").where("account_sid", .equal, accountSid)
        let query = database.select().column("*").from("conversation_participants").where("account_sid", .equal, accountSid)
            .where(SQLIdentifier("conversation_sid"), .in, SQLGroupExpression(Self.inService(conversations, service).query))
        if let address { query.where("address", .equal, address) }
        if let proxyAddress { query.where("proxy_address", .equal, proxyAddress) }
        if let identity { query.where("identity", .equal, identity) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeParticipant)
    }

    static func columns(of participant: ConversationParticipant) -> [(String, SQLBind)] {
        [
            ("identity", SQLBind(participant.identity)),
            ("binding_channel", SQLBind(participant.binding?.channel.rawValue)),
            ("address", SQLBind(participant.binding?.address)),
            ("proxy_address", SQLBind(participant.binding?.proxyAddress)),
            ("attributes", SQLBind(participant.attributes)),
            ("last_inbound_at", SQLBind(participant.lastInboundAt.map(StoredDate.encode))),
            ("date_created", SQLBind(StoredDate.encode(participant.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(participant.dateUpdated))),
        ]
    }

    static func decodeParticipant(_ row: any SQLRow) throws -> ConversationParticipant {
        var binding: MessagingBinding?
        if let channel = try row.decode(column: "binding_channel", as: String?.self) {
            guard let known = DeliveryChannel(rawValue: channel) else { throw StoredValueError(column: "binding_channel", value: channel) }
            binding = MessagingBinding(
                channel: known, address: try row.decode(column: "address", as: String?.self) ?? "",
                proxyAddress: try row.decode(column: "proxy_address", as: String?.self) ?? "")
        }
        return ConversationParticipant(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            conversationSid: try row.decode(column: "conversation_sid", as: String.self),
            identity: try row.decode(column: "identity", as: String?.self),
            binding: binding,
            attributes: try row.decode(column: "attributes", as: String.self),
            lastInboundAt: try row.decode(column: "last_inbound_at", as: Int64?.self).map(StoredDate.decode),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)),
            readState: try SQLUserConversationRepository.decodeReadState(row))
    }

    // MARK: Messages

    func insertMessage(_ message: ConversationMessage) async throws {
        let columns = Self.columns(of: message)
        try await database.insert(into: "conversation_messages")
            .columns(["sid", "account_sid", "conversation_sid"] + columns.map(\.0))
            .values([SQLBind(message.sid), SQLBind(message.accountSid), SQLBind(message.conversationSid)] + columns.map(\.1))
            .run()
        try await SQLAgentFeedRepository.recordMessageChange(conversationSid: message.conversationSid, messageSid: message.sid, in: database)
    }

    func findMessage(sid: String, conversationSid: String, accountSid: String) async throws -> ConversationMessage? {
        try await database.select().column("*").from("conversation_messages")
            .where("sid", .equal, sid).where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .first().map(Self.decodeMessage)
    }

    func updateMessage(_ message: ConversationMessage) async throws {
        let update = database.update("conversation_messages")
        for (column, value) in Self.columns(of: message) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, message.sid).run()
        try await SQLAgentFeedRepository.recordMessageChange(conversationSid: message.conversationSid, messageSid: message.sid, in: database)
    }

    func deleteMessage(sid: String, conversationSid: String, accountSid: String) async throws -> Bool {
        !(try await database.delete(from: "conversation_messages")
            .where("sid", .equal, sid).where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .returning("sid").all()).isEmpty
    }

    func listMessages(conversationSid: String, accountSid: String, page: PageRequest) async throws -> Page<ConversationMessage> {
        let query = database.select().column("*").from("conversation_messages")
            .where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeMessage)
    }

    func deliveries(conversationMessageSid: String, accountSid: String) async throws -> [Message] {
        try await database.select().column("*").from("messages")
            .where("origin", .equal, conversationMessageSid).where("account_sid", .equal, accountSid)
            .orderBy("seq").all().map(SQLMessageRepository.decode)
    }

    static func columns(of message: ConversationMessage) -> [(String, SQLBind)] {
        [
            ("message_index", SQLBind(Int64(message.index))),
            ("author", SQLBind(message.author)),
            ("body", SQLBind(message.body)),
            ("attributes", SQLBind(message.attributes)),
            ("participant_sid", SQLBind(message.participantSid)),
            ("content_sid", SQLBind(message.contentSid)),
            ("content_variables", SQLBind(message.contentVariables)),
            ("subject", SQLBind(message.subject)),
            ("date_created", SQLBind(StoredDate.encode(message.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(message.dateUpdated))),
        ]
    }

    static func decodeMessage(_ row: any SQLRow) throws -> ConversationMessage {
        ConversationMessage(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            conversationSid: try row.decode(column: "conversation_sid", as: String.self),
            index: Int(try row.decode(column: "message_index", as: Int64.self)),
            author: try row.decode(column: "author", as: String.self),
            body: try row.decode(column: "body", as: String?.self),
            attributes: try row.decode(column: "attributes", as: String.self),
            participantSid: try row.decode(column: "participant_sid", as: String?.self),
            contentSid: try row.decode(column: "content_sid", as: String?.self),
            contentVariables: try row.decode(column: "content_variables", as: String?.self),
            subject: try row.decode(column: "subject", as: String?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

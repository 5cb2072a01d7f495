import SQLKit
import SwitchboardCore

/// ``UserConversationRepository`` over SQL: the read state lives in its own columns of `conversation_participants`,
/// which the participant's other writes leave alone.
struct SQLUserConversationRepository: UserConversationRepository {
    let database: any SQLDatabase

    var conversations: SQLConversationRepository { SQLConversationRepository(database: database) }

    func list(identity: String, accountSid: String, service: ConversationServiceFilter, page: PageRequest) async throws -> Page<UserConversation> {
        let inService = SQLConversationRepository.inService(
            database.select().column("sid").from("conversations").where("account_sid", .equal, accountSid), service)
        let query = participantRows().where("account_sid", .equal, accountSid).where("identity", .equal, identity)
            .where(SQLIdentifier("conversation_sid"), .in, SQLGroupExpression(inService.query))
        let participants = try await KeysetPage.fetch(query, page: page) { row in
            (try SQLConversationRepository.decodeParticipant(row), try Self.decodeReadState(row), try Self.decodeUnread(row))
        }
        // One query for the page's conversations, not one per row.
        let sids = Array(Set(participants.items.map(\.0.conversationSid)))
        var found: [String: Conversation] = [:]
        if !sids.isEmpty {
            let rows = try await database.select().column("*").from("conversations")
                .where("account_sid", .equal, accountSid).where("sid", .in, sids).all()
            for conversation in try rows.map(SQLConversationRepository.decode) { found[conversation.sid] = conversation }
        }
        let items = participants.items.compactMap { participant, state, unread in
            found[participant.conversationSid].map {
                UserConversation(participant: participant, conversation: $0, readState: state, unreadMessagesCount: unread)
            }
        }
        return Page(items: items, next: participants.next, previous: participants.previous)
    }

    func find(conversation key: String, identity: String, accountSid: String, service: ConversationServiceFilter) async throws -> UserConversation? {
        guard let conversation = try await conversations.find(sidOrUniqueName: key, accountSid: accountSid, service: service) else { return nil }
        guard let row = try await participantRows().where("account_sid", .equal, accountSid)
            .where("conversation_sid", .equal, conversation.sid).where("identity", .equal, identity)
            .orderBy("seq").first() else { return nil }
        return UserConversation(
            participant: try SQLConversationRepository.decodeParticipant(row), conversation: conversation,
            readState: try Self.decodeReadState(row), unreadMessagesCount: try Self.decodeUnread(row))
    }

    func updateReadState(_ state: ParticipantReadState, participantSid: String, accountSid: String) async throws {
        try await database.update("conversation_participants")
            .set(SQLIdentifier("last_read_message_index"), to: SQLBind(state.lastReadMessageIndex.map(Int64.init)))
            .set(SQLIdentifier("last_read_timestamp"), to: SQLBind(state.lastReadTimestamp.map(StoredDate.encode)))
            .set(SQLIdentifier("notification_level"), to: SQLBind(state.notificationLevel.rawValue))
            .where("sid", .equal, participantSid).where("account_sid", .equal, accountSid)
            .run()
    }

    /// Participants with the number of their conversation's messages past their read horizon.
    func participantRows() -> SQLSelectBuilder {
        database.select().column("*")
            .column(SQLRaw("""
                (SELECT COUNT(*) FROM conversation_messages unread \
                WHERE unread.conversation_sid = conversation_participants.conversation_sid \
                AND unread.message_index > conversation_participants.last_read_message_index) AS unread_messages_count
                """))
            .from("conversation_participants")
    }

    static func decodeReadState(_ row: any SQLRow) throws -> ParticipantReadState {
        ParticipantReadState(
            lastReadMessageIndex: try row.decode(column: "last_read_message_index", as: Int64?.self).map { Int($0) },
            lastReadTimestamp: try row.decode(column: "last_read_timestamp", as: Int64?.self).map(StoredDate.decode),
            notificationLevel: try StoredEnum.decode(ConversationNotificationLevel.self, row, "notification_level"))
    }

    /// No count before the horizon is first set, and none above Twilio's limit.
    static func decodeUnread(_ row: any SQLRow) throws -> Int? {
        guard try row.decode(column: "last_read_message_index", as: Int64?.self) != nil else { return nil }
        return min(Int(try row.decode(column: "unread_messages_count", as: Int64.self)), UserConversation.unreadCountLimit)
    }
}

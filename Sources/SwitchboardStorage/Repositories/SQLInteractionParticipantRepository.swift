import SQLKit
import SwitchboardCore

/// ``InteractionParticipantRepository`` over SQL.
struct SQLInteractionParticipantRepository: InteractionParticipantRepository {
    let database: any SQLDatabase

    func insert(_ participant: InteractionParticipant) async throws {
        let columns = Self.columns(of: participant)
        try await database.insert(into: "interaction_participants")
            .columns(["sid", "account_sid", "interaction_sid", "channel_sid", "type"] + columns.map(\.0))
            .values([SQLBind(participant.sid), SQLBind(participant.accountSid), SQLBind(participant.interactionSid),
                     SQLBind(participant.channelSid), SQLBind(participant.type.rawValue)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, channelSid: String, accountSid: String) async throws -> InteractionParticipant? {
        try await database.select().column("*").from("interaction_participants")
            .where("sid", .equal, sid).where("channel_sid", .equal, channelSid).where("account_sid", .equal, accountSid)
            .first().map(Self.decode)
    }

    func update(_ participant: InteractionParticipant) async throws {
        let update = database.update("interaction_participants")
        for (column, value) in Self.columns(of: participant) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, participant.sid).run()
    }

    func list(channelSid: String, accountSid: String, page: PageRequest) async throws -> Page<InteractionParticipant> {
        let query = database.select().column("*").from("interaction_participants")
            .where("channel_sid", .equal, channelSid).where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    static func columns(of participant: InteractionParticipant) -> [(String, SQLBind)] {
        [
            ("media_properties", SQLBind(participant.mediaProperties)),
            ("routing_properties", SQLBind(participant.routingProperties)),
            ("status", SQLBind(participant.status)),
            ("conversation_participant_sid", SQLBind(participant.conversationParticipantSid)),
            ("date_created", SQLBind(StoredDate.encode(participant.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(participant.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> InteractionParticipant {
        InteractionParticipant(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            interactionSid: try row.decode(column: "interaction_sid", as: String.self),
            channelSid: try row.decode(column: "channel_sid", as: String.self),
            type: try StoredEnum.decode(InteractionParticipantType.self, row, "type"),
            mediaProperties: try row.decode(column: "media_properties", as: String.self),
            routingProperties: try row.decode(column: "routing_properties", as: String?.self),
            status: try row.decode(column: "status", as: String?.self),
            conversationParticipantSid: try row.decode(column: "conversation_participant_sid", as: String?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}

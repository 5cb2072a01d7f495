import SQLKit
import SwitchboardCore

/// ``InteractionRepository`` over SQL.
struct SQLInteractionRepository: InteractionRepository {
    let database: any SQLDatabase

    func insert(_ interaction: Interaction) async throws {
        try await database.insert(into: "interactions")
            .columns("sid", "account_sid", "channel", "routing", "interaction_context_sid", "webhook_ttid", "date_created")
            .values(
                SQLBind(interaction.sid), SQLBind(interaction.accountSid), SQLBind(interaction.channel), SQLBind(interaction.routing),
                SQLBind(interaction.interactionContextSid), SQLBind(interaction.webhookTtid), SQLBind(StoredDate.encode(interaction.dateCreated)))
            .run()
    }

    func find(sid: String, accountSid: String) async throws -> Interaction? {
        try await database.findRow(in: "interactions", sid: sid, scopeColumn: "account_sid", scope: accountSid) { row in
            Interaction(
                sid: try row.decode(column: "sid", as: String.self),
                accountSid: try row.decode(column: "account_sid", as: String.self),
                channel: try row.decode(column: "channel", as: String.self),
                routing: try row.decode(column: "routing", as: String.self),
                interactionContextSid: try row.decode(column: "interaction_context_sid", as: String?.self),
                webhookTtid: try row.decode(column: "webhook_ttid", as: String?.self),
                dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)))
        }
    }

    func update(_ interaction: Interaction) async throws {
        try await database.update("interactions").set("webhook_ttid", to: SQLBind(interaction.webhookTtid))
            .where("sid", .equal, interaction.sid).where("account_sid", .equal, interaction.accountSid).run()
    }

    // MARK: Channels

    func insertChannel(_ channel: InteractionChannel) async throws {
        let columns = Self.columns(of: channel)
        try await database.insert(into: "interaction_channels")
            .columns(["sid", "account_sid", "interaction_sid"] + columns.map(\.0))
            .values([SQLBind(channel.sid), SQLBind(channel.accountSid), SQLBind(channel.interactionSid)] + columns.map(\.1))
            .run()
    }

    func findChannel(sid: String, interactionSid: String, accountSid: String) async throws -> InteractionChannel? {
        try await database.select().column("*").from("interaction_channels")
            .where("sid", .equal, sid).where("interaction_sid", .equal, interactionSid).where("account_sid", .equal, accountSid)
            .first().map(Self.decodeChannel)
    }

    func channel(conversationSid: String, accountSid: String) async throws -> InteractionChannel? {
        try await database.select().column("*").from("interaction_channels")
            .where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .orderBy("seq", .descending).first().map(Self.decodeChannel)
    }

    func updateChannel(_ channel: InteractionChannel) async throws {
        let update = database.update("interaction_channels")
        for (column, value) in Self.columns(of: channel) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, channel.sid).run()
    }

    func listChannels(interactionSid: String, accountSid: String, page: PageRequest) async throws -> Page<InteractionChannel> {
        let query = database.select().column("*").from("interaction_channels")
            .where("interaction_sid", .equal, interactionSid).where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeChannel)
    }

    static func columns(of channel: InteractionChannel) -> [(String, SQLBind)] {
        [
            ("type", SQLBind(channel.type.rawValue)),
            ("status", SQLBind(channel.status.rawValue)),
            ("conversation_sid", SQLBind(channel.conversationSid)),
            ("initiated_by", SQLBind(channel.initiatedBy)),
            ("error_code", SQLBind(channel.errorCode)),
            ("error_message", SQLBind(channel.errorMessage)),
            ("date_created", SQLBind(StoredDate.encode(channel.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(channel.dateUpdated))),
        ]
    }

    static func decodeChannel(_ row: any SQLRow) throws -> InteractionChannel {
        InteractionChannel(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            interactionSid: try row.decode(column: "interaction_sid", as: String.self),
            type: try StoredEnum.decode(InteractionChannelType.self, row, "type"),
            status: try StoredEnum.decode(InteractionChannelStatus.self, row, "status"),
            conversationSid: try row.decode(column: "conversation_sid", as: String.self),
            initiatedBy: try row.decode(column: "initiated_by", as: String.self),
            errorCode: try row.decode(column: "error_code", as: Int?.self),
            errorMessage: try row.decode(column: "error_message", as: String?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }

    // MARK: Tasks

    func insertTask(_ task: InteractionTask) async throws {
        try await database.insert(into: "interaction_tasks")
            .columns("account_sid", "interaction_sid", "channel_sid", "workspace_sid", "task_sid", "invite_sid", "routing", "date_created")
            .values(
                SQLBind(task.accountSid), SQLBind(task.interactionSid), SQLBind(task.channelSid), SQLBind(task.workspaceSid),
                SQLBind(task.taskSid), SQLBind(task.inviteSid), SQLBind(task.routing), SQLBind(StoredDate.encode(task.dateCreated)))
            .run()
    }

    func tasks(channelSid: String) async throws -> [InteractionTask] {
        try await database.select().column("*").from("interaction_tasks").where("channel_sid", .equal, channelSid)
            .orderBy("seq").all().map { row in
                InteractionTask(
                    accountSid: try row.decode(column: "account_sid", as: String.self),
                    interactionSid: try row.decode(column: "interaction_sid", as: String.self),
                    channelSid: try row.decode(column: "channel_sid", as: String.self),
                    workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
                    taskSid: try row.decode(column: "task_sid", as: String.self),
                    inviteSid: try row.decode(column: "invite_sid", as: String?.self),
                    routing: try row.decode(column: "routing", as: String.self),
                    dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)))
            }
    }

    // MARK: Transfers

    func insertTransfer(_ transfer: InteractionTransfer) async throws {
        try await database.insert(into: "interaction_transfers")
            .columns("sid", "account_sid", "interaction_sid", "channel_sid", "type", "from_participant", "to_target", "task_sid", "workspace_sid", "date_created")
            .values(
                SQLBind(transfer.sid), SQLBind(transfer.accountSid), SQLBind(transfer.interactionSid), SQLBind(transfer.channelSid),
                SQLBind(transfer.type), SQLBind(transfer.from), SQLBind(transfer.to), SQLBind(transfer.taskSid), SQLBind(transfer.workspaceSid),
                SQLBind(StoredDate.encode(transfer.dateCreated)))
            .run()
    }

    func findTransfer(sid: String, channelSid: String, accountSid: String) async throws -> InteractionTransfer? {
        try await database.select().column("*").from("interaction_transfers")
            .where("sid", .equal, sid).where("channel_sid", .equal, channelSid).where("account_sid", .equal, accountSid)
            .first().map { row in
                InteractionTransfer(
                    sid: try row.decode(column: "sid", as: String.self),
                    accountSid: try row.decode(column: "account_sid", as: String.self),
                    interactionSid: try row.decode(column: "interaction_sid", as: String.self),
                    channelSid: try row.decode(column: "channel_sid", as: String.self),
                    type: try row.decode(column: "type", as: String.self),
                    from: try row.decode(column: "from_participant", as: String.self),
                    to: try row.decode(column: "to_target", as: String.self),
                    taskSid: try row.decode(column: "task_sid", as: String.self),
                    workspaceSid: try row.decode(column: "workspace_sid", as: String.self),
                    dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)))
            }
    }
}

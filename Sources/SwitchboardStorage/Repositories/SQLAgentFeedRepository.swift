import SQLKit
import SwitchboardCore

/// ``AgentFeedRepository`` over SQL.
struct SQLAgentFeedRepository: AgentFeedRepository {
    let database: any SQLDatabase
    let flavor: SQLFlavor

    func events(workspaceSid: String, workerSid: String, types: [String], after position: FeedPosition, limit: Int) async throws
        -> [(position: FeedPosition, event: TaskRouterEvent)] {
        guard !types.isEmpty else { return [] }
        let heldTasks = SQLSubquery.select { $0.column("task_sid").from("reservations").where("worker_sid", .equal, workerSid) }
        let query = database.select().column("*").from("events")
            .where("workspace_sid", .equal, workspaceSid)
            .where("event_type", .in, types)
            .where { concerning in
                concerning.where("worker_sid", .equal, workerSid).orWhere { task in
                    task.where("worker_sid", .is, SQLLiteral.null).where(SQLIdentifier("task_sid"), .in, heldTasks)
                }
            }
        return try await SQLFeed.after(position, query, flavor: flavor, limit: limit).all().map {
            (try SQLFeed.position(of: $0), try SQLEventRepository.decode($0))
        }
    }

    func eventsEnd(workspaceSid: String) async throws -> FeedPosition {
        let query = database.select().columns("transaction_id", "seq").from("events").where("workspace_sid", .equal, workspaceSid)
        return try await SQLFeed.end(query, flavor: flavor)
    }

    func messageChanges(conversationSids: [String], after position: FeedPosition, limit: Int) async throws -> [ConversationMessageChange] {
        guard !conversationSids.isEmpty else { return [] }
        let query = database.select().columns("transaction_id", "seq", "conversation_sid", "message_sid").from("conversation_message_changes")
            .where("conversation_sid", .in, conversationSids)
        return try await SQLFeed.after(position, query, flavor: flavor, limit: limit).all().map {
            ConversationMessageChange(
                position: try SQLFeed.position(of: $0), conversationSid: try $0.decode(column: "conversation_sid", as: String.self),
                messageSid: try $0.decode(column: "message_sid", as: String.self))
        }
    }

    func messageChangesEnd() async throws -> FeedPosition {
        try await SQLFeed.end(database.select().columns("transaction_id", "seq").from("conversation_message_changes"), flavor: flavor)
    }

    func liveTaskAttributes(workerSid: String) async throws -> [String] {
        let live = [ReservationStatus.pending, .accepted, .wrapping].map(\.rawValue)
        return try await database.select().column(SQLColumn("attributes", table: "tasks")).from("tasks")
            .join("reservations", on: SQLColumn("task_sid", table: "reservations"), .equal, SQLColumn("sid", table: "tasks"))
            .where(SQLColumn("worker_sid", table: "reservations"), .equal, SQLBind(workerSid))
            .where(SQLColumn("status", table: "reservations"), .in, SQLBind.group(live))
            .all().map { try $0.decode(column: "attributes", as: String.self) }
    }

    /// Records that a conversation message was added or changed, in the transaction that did it.
    static func recordMessageChange(conversationSid: String, messageSid: String, in database: any SQLDatabase) async throws {
        try await database.insert(into: "conversation_message_changes").columns("conversation_sid", "message_sid")
            .values(SQLBind(conversationSid), SQLBind(messageSid)).run()
    }

    /// Records that the delivery of a conversation message changed when the channel message `sid`, one of its
    /// deliveries, is about to take a different status; nothing for a message no conversation sent.
    static func recordDeliveryChange(channelMessageSid sid: String, newStatus: String, in database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO conversation_message_changes (conversation_sid, message_sid)
            SELECT conversation_messages.conversation_sid, conversation_messages.sid
            FROM messages JOIN conversation_messages ON conversation_messages.sid = messages.origin
            WHERE messages.sid = \(bind: sid) AND messages.status <> \(bind: newStatus)
            """).run()
    }
}

import Foundation
import Hummingbird
import Logging
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// The worker an event stream follows.
struct AgentEventScope: Sendable {
    /// The worker's account.
    var accountSid: String
    /// The worker's workspace.
    var workspaceSid: String
    /// The `WK…` SID.
    var workerSid: String
}

/// One agent's event stream: what concerns the worker from its cursor on, written by the shared
/// ``ServerSentEventLoop``.
struct AgentEventStream: Sendable {
    /// The TaskRouter event types an agent sees.
    static let eventTypes = [
        "reservation.created", "reservation.accepted", "reservation.rejected", "reservation.timeout", "reservation.rescinded",
        "reservation.canceled", "reservation.wrapup", "reservation.completed", "worker.activity.update",
        "task.updated", "task.canceled", "task.completed", "task.wrapup",
    ]
    /// The event type of a conversation message added or whose delivery changed.
    static let messageEventType = "conversation.message"
    /// Rows read at once from each source; more wait for the next check, which comes at once.
    static let batchSize = 100

    let storage: any Storage
    let loop: ServerSentEventLoop
    let time: any TimeSource
    let scope: AgentEventScope
    /// Where links in TaskRouter JSON point, e.g. `http://127.0.0.1:8080/taskrouter`.
    let taskRouterBaseURL: String
    /// Where links in conversation message JSON point.
    let conversationsBaseURL: String

    /// Writes the stream from `cursor` until the client goes away or the server shuts down gracefully.
    func run(from cursor: AgentEventCursor, writer: inout any ResponseBodyWriter) async throws {
        var cursor = cursor
        var conversations = try await liveConversations()
        try await loop.run(firstID: cursor.description, writer: &writer) {
            let (frames, full, eventsArrived) = try await check(&cursor, conversations: conversations)
            if eventsArrived { conversations = try await liveConversations() }
            return ServerSentEventCheck(frames: frames, again: full || eventsArrived)
        }
    }

    /// Reads both sources after `cursor` and renders what it finds as frames, advancing the cursor; says
    /// whether a source had more than one batch and whether TaskRouter events came, which can change the
    /// worker's conversations.
    func check(_ cursor: inout AgentEventCursor, conversations: [String]) async throws -> (frames: String, full: Bool, eventsArrived: Bool) {
        let start = cursor
        let scope = self.scope
        let (events, changes) = try await storage.read { session in
            let events = try await session.agentFeed.events(
                workspaceSid: scope.workspaceSid, workerSid: scope.workerSid, types: Self.eventTypes, after: start.events, limit: Self.batchSize)
            let changes = try await session.agentFeed.messageChanges(conversationSids: conversations, after: start.messages, limit: Self.batchSize)
            return (events, changes)
        }
        var frames = ""
        if !events.isEmpty {
            for (index, rendered) in try await render(events.map(\.event)).enumerated() {
                cursor.events = events[index].position
                frames += ServerSentEvents.frame(id: cursor.description, event: rendered.type, data: rendered.json)
            }
        }
        if !changes.isEmpty {
            let messages = try await renderMessages(changes)
            // A message changed twice since the last check is sent once, as it is now, at its last change.
            let lastChange = Dictionary(changes.enumerated().map { ($1.messageSid, $0) }, uniquingKeysWith: max)
            for (index, change) in changes.enumerated() {
                cursor.messages = change.position
                guard lastChange[change.messageSid] == index, let json = messages[change.messageSid] else { continue }
                frames += ServerSentEvents.frame(id: cursor.description, event: Self.messageEventType, data: json)
            }
            // Frames of deleted messages are skipped; the cursor still passes their changes.
            cursor.messages = changes[changes.count - 1].position
        }
        return (frames, events.count == Self.batchSize || changes.count == Self.batchSize, !events.isEmpty)
    }

    /// The conversations of the tasks the worker holds now.
    func liveConversations() async throws -> [String] {
        let workerSid = scope.workerSid
        let attributes = try await storage.read { try await $0.agentFeed.liveTaskAttributes(workerSid: workerSid) }
        return Array(Set(attributes.compactMap(Self.conversationSid(taskAttributes:)))).sorted()
    }

    /// The `conversationSid` a Flex task's attributes name, if any.
    static func conversationSid(taskAttributes: String) -> String? {
        guard let sid = (try? AttributeValue.parse(json: taskAttributes))?[member: "conversationSid"]?.stringValue, !sid.isEmpty
        else { return nil }
        return sid
    }

    /// Each event's type and data: the worker, the reservation and the task as the REST API renders them now.
    func render(_ events: [TaskRouterEvent]) async throws -> [(type: String, json: String)] {
        let scope = self.scope
        let (worker, activity, reservations, tasks, names) = try await storage.read { session in
            let worker = try await session.workers.find(sid: scope.workerSid, workspaceSid: scope.workspaceSid)
            let activity = try await worker.asyncFlatMap { try await session.activities.find(sid: $0.activitySid, workspaceSid: scope.workspaceSid) }
            var reservations: [String: Reservation] = [:]
            var tasks: [String: TaskRouterTask] = [:]
            for event in events {
                if event.resourceType == "reservation", reservations[event.resourceSid] == nil {
                    reservations[event.resourceSid] = try await session.reservations.find(sid: event.resourceSid, workerSid: scope.workerSid)
                }
                if let sid = event.taskSid, tasks[sid] == nil {
                    tasks[sid] = try await session.tasks.find(sid: sid, workspaceSid: scope.workspaceSid)
                }
            }
            let names = try await TaskController.names(of: Array(tasks.values), workspaceSid: scope.workspaceSid, session: session)
            return (worker, activity, reservations, tasks, names)
        }
        let now = time.now()
        let workerJSON = worker.map { WorkerRepresentation.json($0, activity: activity, baseURL: taskRouterBaseURL) } ?? .null
        return events.map { event in
            let reservation = event.resourceType == "reservation" ? reservations[event.resourceSid] : nil
            let task = event.taskSid.flatMap { tasks[$0] }
            let data: JSONValue = .object([
                ("event_type", .string(event.eventType)),
                ("event_date", .string(WireDate.iso8601(event.eventDate))),
                ("worker", workerJSON),
                ("reservation", reservation.map { ReservationRepresentation.json($0, side: .worker, baseURL: taskRouterBaseURL) } ?? .null),
                ("task", task.map { TaskRepresentation.json($0, names: names, now: now, baseURL: taskRouterBaseURL) } ?? .null),
            ])
            return (event.eventType, data.serialized)
        }
    }

    /// The JSON of each changed message that still exists, by SID, as `GET …/Messages/{sid}` renders it.
    func renderMessages(_ changes: [ConversationMessageChange]) async throws -> [String: String] {
        let accountSid = scope.accountSid
        let found = try await storage.read { session in
            var found: [String: (ConversationMessage, [Message])] = [:]
            for change in changes where found[change.messageSid] == nil {
                guard let message = try await session.conversations.findMessage(
                    sid: change.messageSid, conversationSid: change.conversationSid, accountSid: accountSid) else { continue }
                found[change.messageSid] = (message, try await session.conversations.deliveries(conversationMessageSid: message.sid, accountSid: accountSid))
            }
            return found
        }
        return found.mapValues { ConversationRepresentation.message($0.0, deliveries: $0.1, baseURL: conversationsBaseURL).serialized }
    }
}

public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
public import SwitchboardDelivery
public import SwitchboardRouting

/// Threads a customer's inbound message into the open conversation that holds their address and the address they
/// wrote to, as that participant's message; the message's time opens the WhatsApp and Messenger window. With no open
/// conversation, an address configured for auto-creation opens one (and, through its Flex Flow, an interaction and a
/// task, routed once the message's transaction commits).
public struct ConversationsInboundRoute: InboundMessageRoute {
    let posting: ConversationPosting
    let autoCreation: InboundAutoCreation
    let routing: RoutingEngine
    let storage: any Storage

    /// Creates the route; `routing` routes the tasks auto-creation makes, after commit.
    public init(storage: any Storage, routing: RoutingEngine, sids: any SidGenerator, window: MessagingWindow) {
        posting = ConversationPosting(sids: sids, window: window)
        autoCreation = InboundAutoCreation(sids: sids)
        self.routing = routing
        self.storage = storage
    }

    /// Takes the message when an open conversation has the binding, or when its address auto-creates one.
    public func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool {
        let binding = MessagingBinding(channel: message.channel, address: message.from, proxyAddress: message.to)
        var holder = try await OpenBindings.holder(of: binding, accountSid: message.accountSid, in: session)
        if holder == nil { holder = try await autoCreation.open(for: message, in: session, now: now)?.0 }
        guard var participant = holder else { return false }
        participant.lastInboundAt = message.dateCreated
        participant.dateUpdated = now
        try await session.conversations.updateParticipant(participant)
        _ = try await posting.post(
            ConversationPost(author: message.from, body: message.body, subject: message.subject), to: participant.conversationSid,
            accountSid: message.accountSid, from: participant, in: session, now: now)
        return true
    }

    /// Routes the pending tasks of the conversation the message joined: an auto-created interaction's task is
    /// stored in the message's transaction, and the routing engine works in transactions of its own.
    public func committed(_ message: Message) async throws {
        let binding = MessagingBinding(channel: message.channel, address: message.from, proxyAddress: message.to)
        let workspaces = try await storage.read { session -> Set<String> in
            guard let holder = try await OpenBindings.holder(of: binding, accountSid: message.accountSid, in: session),
                  let channel = try await session.interactions.channel(conversationSid: holder.conversationSid, accountSid: message.accountSid)
            else { return [] }
            var workspaces = Set<String>()
            for link in try await session.interactions.tasks(channelSid: channel.sid) {
                if let task = try await session.tasks.find(sid: link.taskSid, workspaceSid: link.workspaceSid), task.assignmentStatus == .pending {
                    workspaces.insert(link.workspaceSid)
                }
            }
            return workspaces
        }
        for workspace in workspaces { try await routing.route(workspaceSid: workspace) }
    }
}

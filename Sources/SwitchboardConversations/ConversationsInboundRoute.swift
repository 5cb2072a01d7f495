public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
public import SwitchboardDelivery
public import SwitchboardRouting

/// Threads a customer's inbound message into the open conversation that holds their address and the address they
/// wrote to, as that participant's message; the message's time opens the WhatsApp and Messenger window. With no open
/// conversation, an address configured for auto-creation opens one (and, through its Flex Flow, an interaction and a
/// task, routed once the message's unit of work commits).
public struct ConversationsInboundRoute: InboundMessageRoute {
    let posting: ConversationPosting
    let autoCreation: InboundAutoCreation
    let routing: RoutingEngine

    /// Creates the route; `routing` routes the tasks auto-creation makes, after commit.
    public init(routing: RoutingEngine, sids: any SidGenerator, window: MessagingWindow) {
        posting = ConversationPosting(sids: sids, window: window)
        autoCreation = InboundAutoCreation(sids: sids)
        self.routing = routing
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
        for workspace in try await Self.workspacesWithWaitingTasks(conversationSid: participant.conversationSid, accountSid: message.accountSid, in: session) {
            routing.routeAfterCommit(workspaceSid: workspace, in: session)
        }
        return true
    }

    /// The workspaces holding a waiting task of the conversation's interaction, such as one that auto-creation
    /// just stored: the routing engine offers them once the message's unit of work commits.
    static func workspacesWithWaitingTasks(conversationSid: String, accountSid: String, in session: any StorageSession) async throws -> Set<String> {
        guard let channel = try await session.interactions.channel(conversationSid: conversationSid, accountSid: accountSid) else { return [] }
        var workspaces = Set<String>()
        for link in try await session.interactions.tasks(channelSid: channel.sid) {
            if let task = try await session.tasks.find(sid: link.taskSid, workspaceSid: link.workspaceSid), task.assignmentStatus == .pending {
                workspaces.insert(link.workspaceSid)
            }
        }
        return workspaces
    }
}

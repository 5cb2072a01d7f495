public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
public import SwitchboardDelivery
public import SwitchboardRouting
import Logging

/// Customer to agent: an inbound message to a pool number is threaded by (customer address, proxy number) to the
/// open session and posted in the session's chat channel as a message from the customer. When that channel has no
/// live task (a flow with `CreationOnMessage`, or the previous task ended), the flow's integration makes one; it is
/// routed once the message's unit of work commits. A message for a pool number with no open session goes to the
/// service's `OutOfSessionCallbackUrl`; failing that, the Flex Flow whose contact identity is that number opens a
/// new conversation (see `FlexInboundConversation`).
public final class ProxyInboundRoute: InboundMessageRoute {
    let sids: any SidGenerator
    let routing: RoutingEngine

    /// Creates the route; `routing` routes the tasks it creates.
    public init(sids: any SidGenerator, routing: RoutingEngine) {
        self.sids = sids
        self.routing = routing
    }

    public func route(_ message: Message, in storage: any StorageSession, now: Date) async throws -> Bool {
        let session: ProxySession, customer: ProxyParticipant
        if let threaded = try await thread(message, storage: storage) {
            (session, customer) = threaded
        } else if try await outOfSession(message, storage: storage, now: now) {
            return true
        } else if let opened = try await newConversation(message, storage: storage, now: now) {
            (session, customer) = opened
        } else {
            return false
        }
        let participants = try await storage.proxyParticipants.all(sessionSid: session.sid)
        guard let chatParticipant = participants.first(where: { $0.sid != customer.sid && $0.isChatChannel }),
              let channel = try await storage.chatChannels.find(sid: chatParticipant.identifier, accountSid: message.accountSid)
        else {
            // A session between two phones is relayed phone to phone.
            guard let other = participants.first(where: { $0.sid != customer.sid && !$0.isChatChannel }) else {
                // The session's other side is gone (its chat channel deleted, or never added): nothing here can carry
                // the customer's words, so other routes may take the message, and the server says why.
                ProxyRelay.logger.warning("Relay: customer message reaches no participant of its Proxy session", metadata: [
                    "message_sid": "\(message.sid)", "session": "\(session.sid)", "participant": "\(customer.sid)",
                    "error_code": "\(UndeliverableRelay.noCustomerParticipant(session.sid).errorCode)"])
                return false
            }
            try await relayToPhone(message, session: session, from: customer, to: other, storage: storage, now: now)
            return true
        }
        let flexChannel = try await storage.flexChannels.find(sid: channel.sid, accountSid: channel.accountSid)
        let chatMessage = try ChatRules.message(
            // A chat message needs a body; a customer's message without text (media only) shows as a blank one.
            body: message.body.isEmpty ? " " : message.body, from: flexChannel?.identity ?? customer.identifier, attributes: nil,
            sid: sids.make(.chatMessage), channel: channel, index: try await storage.chatMessages.nextIndex(channelSid: channel.sid), now: now)
        try await storage.chatMessages.insert(chatMessage)
        try await ChatEvents.record("onMessageSent", channel: channel, message: chatMessage, storage: storage, sids: sids, now: now)
        try await ProxyInteractionLog.record(ProxyInteraction(
            sid: sids.make(.proxyInteraction), accountSid: session.accountSid, serviceSid: session.serviceSid, sessionSid: session.sid,
            data: ProxyRelay.interactionData(message.body), inboundParticipantSid: customer.sid, inboundResourceSid: message.sid,
            inboundResourceStatus: message.status.rawValue, inboundResourceType: "Message", outboundParticipantSid: chatParticipant.sid,
            outboundResourceSid: chatMessage.sid, outboundResourceStatus: "sent", outboundResourceType: "ChatMessage",
            dateCreated: now, dateUpdated: now), storage: storage, sids: sids, now: now)
        try await storage.proxySessions.update(ProxyInteractions.touched(session, now: now))
        if var flexChannel { try await createTaskIfNeeded(&flexChannel, message: message, storage: storage, now: now) }
        return true
    }

    /// The open session and customer participant the message belongs to: its sender talking through the number it was sent to.
    func thread(_ message: Message, storage: any StorageSession) async throws -> (ProxySession, ProxyParticipant)? {
        for identifier in Set([message.from, ProxyAddress.bare(message.from)]) {
            for proxyIdentifier in Set([message.to, ProxyAddress.bare(message.to)]) {
                if let found = try await ProxyParticipants.openSession(identifier: identifier, proxyIdentifier: proxyIdentifier,
                                                                       accountSid: message.accountSid, storage: storage) {
                    return found
                }
            }
        }
        return nil
    }

    /// The flow's task for a reply on a channel without a live one.
    func createTaskIfNeeded(_ channel: inout FlexChannel, message: Message, storage: any StorageSession, now: Date) async throws {
        guard let flow = try await storage.flexFlows.find(sid: channel.flexFlowSid, accountSid: channel.accountSid),
              case .task(let integration) = flow.integration,
              try await !FlexChannelTasks.hasLiveTask(channel, integration: integration, in: storage)
        else { return }
        let task = try await FlexChannelTasks.create(for: channel, flow: flow, integration: integration, attributes: channel.taskAttributes,
                                                     in: storage, sids: sids, now: now)
        channel.taskSid = task.sid
        channel.dateUpdated = now
        try await storage.flexChannels.update(channel)
        routing.routeAfterCommit(workspaceSid: task.workspaceSid, in: storage)
    }

    /// Relays a message between two phone participants, from the proxy identifier the recipient knows.
    func relayToPhone(
        _ message: Message, session: ProxySession, from sender: ProxyParticipant, to recipient: ProxyParticipant, storage: any StorageSession, now: Date
    ) async throws {
        let interactionSid = sids.make(.proxyInteraction)
        var outbound = try MessageRules.makeOutbound(
            MessageRequest(to: ProxyAddress.on(message.channel, recipient.identifier), from: ProxyAddress.on(message.channel, recipient.proxyIdentifier),
                           body: message.body),
            sid: sids.make(.message), accountSid: message.accountSid, now: now)
        outbound.origin = interactionSid
        try await OutboundMessages.queue(outbound, in: storage, sids: sids, now: now)
        try await ProxyInteractionLog.record(ProxyInteraction(
            sid: interactionSid, accountSid: session.accountSid, serviceSid: session.serviceSid, sessionSid: session.sid,
            data: ProxyRelay.interactionData(message.body), inboundParticipantSid: sender.sid, inboundResourceSid: message.sid,
            inboundResourceStatus: message.status.rawValue, inboundResourceType: "Message", outboundParticipantSid: recipient.sid,
            outboundResourceSid: outbound.sid, outboundResourceStatus: outbound.status.rawValue, outboundResourceType: "Message",
            dateCreated: now, dateUpdated: now), storage: storage, sids: sids, now: now)
        try await storage.proxySessions.update(ProxyInteractions.touched(session, now: now))
    }

    /// A new inbound conversation for the Flex Flow whose contact identity the message was sent to, threaded through
    /// a session of the Proxy service whose pool holds that number; `nil` when no such flow and pool exist.
    func newConversation(_ message: Message, storage: any StorageSession, now: Date) async throws -> (ProxySession, ProxyParticipant)? {
        guard let flow = try await FlexInboundConversation.flow(for: message, storage: storage) else { return nil }
        for number in try await storage.proxyPhoneNumbers.all(phoneNumber: ProxyAddress.bare(message.to), accountSid: message.accountSid) {
            guard let service = try await storage.proxyServices.find(sid: number.serviceSid, accountSid: message.accountSid) else { continue }
            let (session, customer, workspaceToRoute) = try await FlexInboundConversation.open(
                message, flow: flow, service: service, storage: storage, sids: sids, now: now)
            if let workspaceToRoute { routing.routeAfterCommit(workspaceSid: workspaceToRoute, in: storage) }
            return (session, customer)
        }
        return nil
    }

    /// A message to a pool number with no open session: posted to the first owning service's `OutOfSessionCallbackUrl`.
    /// Without one, the Flex Flow of that number may open a conversation, or another route may take it.
    func outOfSession(_ message: Message, storage: any StorageSession, now: Date) async throws -> Bool {
        for number in try await storage.proxyPhoneNumbers.all(phoneNumber: ProxyAddress.bare(message.to), accountSid: message.accountSid) {
            guard let service = try await storage.proxyServices.find(sid: number.serviceSid, accountSid: message.accountSid),
                  let url = service.outOfSessionCallbackUrl
            else { continue }
            let pairs = [FormPair("AccountSid", message.accountSid), FormPair("MessageSid", message.sid), FormPair("From", message.from),
                         FormPair("To", message.to), FormPair("Body", message.body), FormPair("InboundResourceType", "message"),
                         FormPair("ServiceSid", service.sid)]
            try await storage.outbox.enqueue(.due(.webhook(WebhookCall(url: url, body: .form(pairs), purpose: "proxy-out-of-session")),
                                                  sid: sids.make(.outboxEntry), accountSid: message.accountSid, now: now))
            return true
        }
        return false
    }
}

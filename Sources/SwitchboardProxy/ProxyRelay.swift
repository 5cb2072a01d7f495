public import Foundation
import Logging
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardDelivery

/// Agent to customer: a chat message in a channel whose attributes name a Proxy session goes to the session's
/// customer participant, from the proxy identifier that customer sees, over the Flex Flow's channel, through the
/// delivery pipeline; each relay is logged as an interaction.
public enum ProxyRelay {
    /// Where relays that find nobody to deliver to are reported.
    static let logger = Logger(label: "switchboard.relay")

    /// Relays `message`, just stored in `channel`, inside the posting transaction, and returns the message as stored.
    /// A channel whose `proxySession` attribute names a session that does not exist, is closed or has no customer
    /// participant cannot relay: the failure is logged and recorded in the message's attributes (`delivery`), so the
    /// 201, a fetch and the `onMessageSent` webhook all show it rather than the message vanishing.
    public static func relay(
        _ message: ChatMessage, in channel: ChatChannel, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> ChatMessage {
        switch try await target(of: message, in: channel, storage: storage) {
        case .none:
            return message
        case .undeliverable(let failure):
            logger.warning("Relay: agent message not delivered", metadata: [
                "message_sid": "\(message.sid)", "channel": "\(channel.sid)", "account": "\(channel.accountSid)",
                "error_code": "\(failure.errorCode)", "reason": "\(failure.reason)"])
            var failed = message
            failed.attributes = failure.stamped(message.attributes)
            try await storage.chatMessages.update(failed)
            return failed
        case .customer(let session, let customer, let chatParticipant, let flexChannel):
            try await deliver(message, in: channel, session: session, customer: customer, chatParticipant: chatParticipant,
                              flexChannel: flexChannel, storage: storage, sids: sids, now: now)
            return message
        }
    }

    /// Where a chat message goes: nowhere (no session named, or the customer's own words), to a customer, or nowhere
    /// although it should have.
    enum Target {
        /// Not a relay: no session named, or the customer's own words.
        case none
        /// A relay that finds nobody to deliver to.
        case undeliverable(UndeliverableRelay)
        /// The session's customer, reached through it.
        case customer(ProxySession, customer: ProxyParticipant, chatParticipant: ProxyParticipant?, flexChannel: FlexChannel?)
    }

    /// Where `message` goes from `channel`.
    static func target(of message: ChatMessage, in channel: ChatChannel, storage: any StorageSession) async throws -> Target {
        guard let sessionSid = channel.proxySessionSid, !sessionSid.isEmpty else { return .none }
        let flexChannel = try await storage.flexChannels.find(sid: channel.sid, accountSid: channel.accountSid)
        // The customer's own words, posted into the channel by the inbound path, never echo back to them.
        if let flexChannel, message.from == flexChannel.identity { return .none }
        guard let session = try await storage.proxySessions.find(sid: sessionSid, accountSid: channel.accountSid) else {
            return .undeliverable(.unknownSession(sessionSid))
        }
        guard session.isOpen else { return .undeliverable(.closedSession(session.sid)) }
        let participants = try await storage.proxyParticipants.all(sessionSid: session.sid)
        guard let customer = participants.first(where: { $0.identifier != channel.sid && !$0.isChatChannel }) else {
            return .undeliverable(.noCustomerParticipant(session.sid))
        }
        return .customer(session, customer: customer, chatParticipant: participants.first { $0.identifier == channel.sid }, flexChannel: flexChannel)
    }

    /// Queues the customer's copy and logs the interaction.
    static func deliver(
        _ message: ChatMessage, in channel: ChatChannel, session: ProxySession, customer: ProxyParticipant, chatParticipant: ProxyParticipant?,
        flexChannel: FlexChannel?, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws {
        var session = session
        let flow = try await flexChannel.asyncMap { try await storage.flexFlows.find(sid: $0.flexFlowSid, accountSid: channel.accountSid) } ?? nil
        let deliveryChannel = ProxyAddress.channel(of: flow?.channelType, identifier: customer.identifier)
        let interactionSid = sids.make(.proxyInteraction)
        var outbound = try MessageRules.makeOutbound(
            MessageRequest(to: ProxyAddress.on(deliveryChannel, customer.identifier), from: ProxyAddress.on(deliveryChannel, customer.proxyIdentifier),
                           body: message.body),
            sid: sids.make(.message), accountSid: channel.accountSid, now: now)
        outbound.origin = interactionSid
        try await OutboundMessages.queue(outbound, in: storage, sids: sids, now: now)
        try await ProxyInteractionLog.record(ProxyInteraction(
            sid: interactionSid, accountSid: session.accountSid, serviceSid: session.serviceSid, sessionSid: session.sid,
            data: interactionData(message.body), inboundParticipantSid: chatParticipant?.sid, inboundResourceSid: message.sid,
            inboundResourceStatus: "sent", inboundResourceType: "ChatMessage", outboundParticipantSid: customer.sid,
            outboundResourceSid: outbound.sid, outboundResourceStatus: outbound.status.rawValue, outboundResourceType: "Message",
            dateCreated: now, dateUpdated: now), storage: storage, sids: sids, now: now)
        session = ProxyInteractions.touched(session, now: now)
        try await storage.proxySessions.update(session)
    }

    /// Twilio's interaction `data`: the relayed body as a JSON object.
    static func interactionData(_ body: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["body": body], options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// What every relay does to its session.
enum ProxyInteractions {
    /// `session` after an interaction at `now`: in progress, its TTL counted from now.
    static func touched(_ session: ProxySession, now: Date) -> ProxySession {
        var touched = session
        touched.status = "in-progress"
        touched.dateLastInteraction = now
        touched.dateUpdated = now
        return touched
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

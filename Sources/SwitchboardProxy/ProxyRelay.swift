public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardDelivery

/// Agent to customer: a chat message in a channel whose attributes name a Proxy session goes to the session's
/// customer participant, from the proxy identifier that customer sees, over the Flex Flow's channel, through the
/// delivery pipeline; each relay is logged as an interaction.
public enum ProxyRelay {
    /// Relays `message`, just posted in `channel`, inside the posting transaction; returns the queued Message,
    /// or `nil` when the channel has no open session or the author is the customer.
    @discardableResult
    public static func relay(
        _ message: ChatMessage, in channel: ChatChannel, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> Message? {
        guard let sessionSid = channel.proxySessionSid,
              var session = try await storage.proxySessions.find(sid: sessionSid, accountSid: channel.accountSid), session.isOpen
        else { return nil }
        let flexChannel = try await storage.flexChannels.find(sid: channel.sid, accountSid: channel.accountSid)
        // The customer's own words, posted into the channel by the inbound path, never echo back to them.
        if let flexChannel, message.from == flexChannel.identity { return nil }
        let participants = try await storage.proxyParticipants.all(sessionSid: session.sid)
        guard let customer = participants.first(where: { $0.identifier != channel.sid && !$0.isChatChannel }) else { return nil }
        let chatParticipant = participants.first { $0.identifier == channel.sid }
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
        return outbound
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

public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardDelivery
import Logging

/// A message the API sends to one participant through Proxy (`POST …/Participants/{Sid}/MessageInteractions`):
/// to a phone participant from its proxy identifier, or into a chat channel participant.
public enum MessageInteractions {
    /// Sends `body` to `participant` inside the caller's transaction and returns the interaction that logs it.
    public static func send(
        _ body: String?, to participant: ProxyParticipant, in session: ProxySession, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> ProxyInteraction {
        guard session.isOpen else { throw ProxyRules.sessionClosed }
        guard let body, !body.isEmpty else { throw TwilioError.missingParameter("Body") }
        let interactionSid = sids.make(.proxyInteraction)
        if participant.isChatChannel, try await storage.chatChannels.find(sid: participant.identifier, accountSid: participant.accountSid) == nil {
            // The participant's chat channel is gone: nothing can carry the message, which must not go out as an SMS
            // to a `CH…` address either, so the request fails and the server logs why.
            let failure = UndeliverableRelay.noCustomerParticipant(session.sid)
            ProxyRelay.logger.warning("Relay: message interaction not delivered", metadata: [
                "session": "\(session.sid)", "participant": "\(participant.sid)", "error_code": "\(failure.errorCode)",
                "reason": "chat channel \(participant.identifier) does not exist"])
            throw TwilioError(code: failure.errorCode, message: "Participant \(participant.sid)'s chat channel \(participant.identifier) no longer exists; "
                              + "the message cannot be delivered", httpStatus: 400)
        }
        let resourceSid: String, status: String, type: String
        if participant.isChatChannel, let channel = try await storage.chatChannels.find(sid: participant.identifier, accountSid: participant.accountSid) {
            let message = try ChatRules.message(body: body, from: nil, attributes: nil, sid: sids.make(.chatMessage), channel: channel,
                                                index: try await storage.chatMessages.nextIndex(channelSid: channel.sid), now: now)
            try await storage.chatMessages.insert(message)
            try await ChatEvents.record("onMessageSent", channel: channel, message: message, storage: storage, sids: sids, now: now)
            (resourceSid, status, type) = (message.sid, "sent", "ChatMessage")
        } else {
            let channel = ProxyAddress.channel(of: nil, identifier: participant.identifier)
            var message = try MessageRules.makeOutbound(
                MessageRequest(to: participant.identifier, from: ProxyAddress.on(channel, participant.proxyIdentifier), body: body),
                sid: sids.make(.message), accountSid: participant.accountSid, now: now)
            message.origin = interactionSid
            try await OutboundMessages.queue(message, in: storage, sids: sids, now: now)
            (resourceSid, status, type) = (message.sid, message.status.rawValue, "Message")
        }
        let interaction = ProxyInteraction(
            sid: interactionSid, accountSid: session.accountSid, serviceSid: session.serviceSid, sessionSid: session.sid,
            data: ProxyRelay.interactionData(body), inboundParticipantSid: nil, inboundResourceSid: nil, inboundResourceStatus: nil,
            inboundResourceType: nil, outboundParticipantSid: participant.sid, outboundResourceSid: resourceSid, outboundResourceStatus: status,
            outboundResourceType: type, dateCreated: now, dateUpdated: now)
        try await ProxyInteractionLog.record(interaction, storage: storage, sids: sids, now: now)
        try await storage.proxySessions.update(ProxyInteractions.touched(session, now: now))
        return interaction
    }
}

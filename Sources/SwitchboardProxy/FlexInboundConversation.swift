public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// A customer's first message to a Flex Flow's contact identity (no open session, no out-of-session callback):
/// Flex opens the conversation as for an outbound one, the other way round. The flow's channel for the customer
/// (reused while active on a long-lived flow), a Proxy session between the customer and that channel on the pool
/// number written to, and the channel's `proxySession` attribute, so the agent's replies relay back.
enum FlexInboundConversation {
    /// The flow whose contact identity `message` was sent to, when it is an enabled Programmable Chat flow.
    static func flow(for message: Message, storage: any StorageSession) async throws -> FlexFlow? {
        let to = ProxyAddress.bare(message.to)
        let flows = try await storage.flexFlows.list(accountSid: message.accountSid, friendlyName: nil, page: PageRequest(size: PageRequest.maximumSize))
        for flow in flows.items where flow.enabled {
            guard let identity = flow.contactIdentity, ProxyAddress.bare(DeliveryAddress.normalisedOrVerbatim(identity)) == to,
                  try await storage.chatServices.find(sid: flow.chatServiceSid, accountSid: message.accountSid) != nil
            else { continue }
            return flow
        }
        return nil
    }

    /// Opens (or reuses) the customer's channel and threads it through a new session of `service`; returns the
    /// session and the customer's participant, ready for the message to be posted, and the workspace of a task the
    /// flow created with the channel, to route after commit.
    static func open(
        _ message: Message, flow: FlexFlow, service: ProxyService, storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> (ProxySession, ProxyParticipant, String?) {
        var request = FlexChannelRequest()
        request.flexFlowSid = flow.sid
        request.identity = identity(of: message.from, channel: flow.channelType)
        request.chatUserFriendlyName = message.from
        request.chatFriendlyName = message.from
        request.target = message.from
        request.taskAttributes = attributes(["from": message.from, "to": message.to, "direction": "inbound", "name": message.from,
                                             "channelType": flow.channelType.rawValue])
        let opened = try await FlexChannelOpener.open(request, accountSid: message.accountSid, in: storage, sids: sids, now: now)
        guard var channel = try await storage.chatChannels.find(sid: opened.channel.sid, accountSid: message.accountSid) else {
            throw TwilioError.internalError
        }
        let session = try ProxyRules.createSession(uniqueName: nil, ttl: nil, dateExpiry: nil, mode: "message-only", status: nil,
                                                   sid: sids.make(.proxySession), service: service, now: now)
        try await storage.proxySessions.insert(session)
        let customer = try await ProxyParticipants.add(
            ParticipantRequest(identifier: message.from, friendlyName: message.from, proxyIdentifier: ProxyAddress.bare(message.to), proxyIdentifierSid: nil),
            to: session, in: storage, sid: sids.make(.proxyParticipant), now: now)
        _ = try await ProxyParticipants.add(
            ParticipantRequest(identifier: channel.sid, friendlyName: request.identity, proxyIdentifier: ProxyAddress.bare(message.to), proxyIdentifierSid: nil),
            to: session, in: storage, sid: sids.make(.proxyParticipant), now: now)
        channel.attributes = ChatAttributes.setting("proxySession", to: session.sid, in: channel.attributes)
        channel.dateUpdated = now
        try await storage.chatChannels.update(channel)
        return (session, customer, opened.workspaceToRoute)
    }

    /// Flex's chat identity for a customer address: the channel type and the address's digits, as `sms_18001231234`.
    static func identity(of address: String, channel: FlexFlowChannelType) -> String {
        channel.rawValue + "_" + ProxyAddress.bare(address).filter { $0.isLetter || $0.isNumber }
    }

    static func attributes(_ values: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

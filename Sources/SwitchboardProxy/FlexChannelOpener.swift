public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardDelivery

/// Opens a Flex Channel as Flex's `/v1/Channels` does: the customer's chat user, the chat channel on the flow's
/// chat service with the user as a member, and what the flow's integration does with a new channel, all in one
/// transaction.
public enum FlexChannelOpener {
    /// What opening produced: the Flex Channel and, when a task was created, the workspace to route after commit.
    public struct Opened: Sendable {
        /// The Flex Channel, new or reused.
        public var channel: FlexChannel
        /// The workspace of a task created with it.
        public var workspaceToRoute: String?
    }

    /// Opens (or, for a long-lived flow, reuses) the customer's channel; call inside a write transaction.
    public static func open(
        _ request: FlexChannelRequest, accountSid: String, in storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> Opened {
        try request.checkRequired()
        let flowSid = request.flexFlowSid ?? "", identity = request.identity ?? ""
        guard let flow = try await storage.flexFlows.find(sid: flowSid, accountSid: accountSid) else {
            throw TwilioError(code: 20404, message: "The requested resource FlexFlow \(flowSid) was not found", httpStatus: 404)
        }
        guard let service = try await storage.chatServices.find(sid: flow.chatServiceSid, accountSid: accountSid) else {
            throw TwilioError.invalidParameter("The Flex Flow's ChatServiceSid \(flow.chatServiceSid) is not a chat service of this account")
        }
        let longLived = request.longLived ?? flow.longLived
        // Twilio hands back the identity's channel that is still active instead of opening a second one.
        for existing in try await storage.flexChannels.all(flexFlowSid: flow.sid, identity: identity, accountSid: accountSid) {
            if let chat = try await storage.chatChannels.find(sid: existing.sid, accountSid: accountSid), FlexChannelStatus.isActive(chat) {
                return Opened(channel: existing, workspaceToRoute: nil)
            }
        }
        let user: ChatUser
        if let known = try await storage.chatUsers.find(identity: identity, serviceSid: service.sid) {
            user = known
        } else {
            user = try ChatRules.user(identity: identity, friendlyName: request.chatUserFriendlyName, attributes: nil,
                                      sid: sids.make(.chatUser), service: service, now: now)
            try await storage.chatUsers.insert(user)
        }
        if let uniqueName = request.chatUniqueName, !uniqueName.isEmpty,
           try await storage.chatChannels.find(uniqueName: uniqueName, serviceSid: service.sid) != nil {
            throw ChatRules.uniqueNameTaken(uniqueName)
        }
        let attributes = try channelAttributes(request, flow: flow, identity: identity, longLived: longLived)
        let chat = try ChatRules.channel(friendlyName: request.chatFriendlyName, uniqueName: request.chatUniqueName, attributes: attributes,
                                         type: "private", createdBy: nil, sid: sids.make(.chatChannel), service: service, now: now)
        try await storage.chatChannels.insert(chat)
        try await storage.chatMembers.insert(try ChatRules.member(identity: identity, attributes: nil, sid: sids.make(.chatMember), channel: chat, now: now))
        var channel = FlexChannel(
            sid: chat.sid, accountSid: accountSid, flexFlowSid: flow.sid, chatServiceSid: service.sid, userSid: user.sid, identity: identity,
            target: request.target, taskSid: request.taskSid.flatMap { $0.isEmpty ? nil : $0 }, taskAttributes: request.taskAttributes,
            longLived: longLived, dateCreated: now, dateUpdated: now)
        var workspaceToRoute: String?
        switch flow.integration {
        case .task(let integration) where !integration.creationOnMessage && channel.taskSid == nil:
            let task = try await FlexChannelTasks.create(for: channel, flow: flow, integration: integration, attributes: request.taskAttributes,
                                                         in: storage, sids: sids, now: now)
            channel.taskSid = task.sid
            workspaceToRoute = task.workspaceSid
        case .task:
            // With CreationOnMessage the task waits for the customer's reply (ProxyInboundRoute makes it).
            break
        case .external(let url, _):
            try await storage.outbox.enqueue(.due(
                .webhook(WebhookCall(url: url, body: .form(externalParameters(channel, flow: flow, request: request)), purpose: "flex-channel")),
                sid: sids.make(.outboxEntry), accountSid: accountSid, now: now))
        case .studio:
            // Switchboard runs no Studio flows: the channel is opened and messages relay, but nothing else happens.
            break
        }
        try await storage.flexChannels.insert(channel)
        return Opened(channel: channel, workspaceToRoute: workspaceToRoute)
    }

    /// The chat channel's attributes as Flex writes them, with the client's pre-engagement data.
    static func channelAttributes(_ request: FlexChannelRequest, flow: FlexFlow, identity: String, longLived: Bool) throws(TwilioError) -> String {
        var object: [String: Any] = ["status": FlexChannelStatus.active, "long_lived": longLived, "from": identity,
                                     "channel_type": flow.channelType.rawValue]
        if let target = request.target { object["target"] = target }
        if let data = request.preEngagementData, !data.isEmpty {
            // Read first by the shared reader, whose depth limit and NUL refusal hold for every client JSON.
            _ = try AttributeValue.parse(json: data, parameter: "PreEngagementData")
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(data.utf8)) else {
                throw TwilioError.invalidParameter("PreEngagementData must be JSON")
            }
            object["pre_engagement_data"] = parsed
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// What an `external` integration is told of a new channel.
    static func externalParameters(_ channel: FlexChannel, flow: FlexFlow, request: FlexChannelRequest) -> [FormPair] {
        var pairs = [FormPair("AccountSid", channel.accountSid), FormPair("FlexFlowSid", flow.sid), FormPair("ChannelSid", channel.sid),
                     FormPair("ChatServiceSid", channel.chatServiceSid), FormPair("Identity", channel.identity),
                     FormPair("ChannelType", flow.channelType.rawValue), FormPair("EventType", "onChannelAdded")]
        if let target = channel.target { pairs.append(FormPair("Target", target)) }
        if let attributes = request.taskAttributes { pairs.append(FormPair("TaskAttributes", attributes)) }
        return pairs
    }
}

/// Flex's `status` key in chat channel attributes: `ACTIVE` until the janitor or an agent ends the channel.
public enum FlexChannelStatus {
    /// An open channel.
    public static let active = "ACTIVE"
    /// A channel whose conversation ended.
    public static let inactive = "INACTIVE"

    /// Whether the chat channel is still in use.
    public static func isActive(_ channel: ChatChannel) -> Bool {
        ChatAttributes.string("status", in: channel.attributes) != inactive
    }
}

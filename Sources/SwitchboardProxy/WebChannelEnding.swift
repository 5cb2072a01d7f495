public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// `POST /v1/WebChannels/{Sid}` on `flex-api`: the customer's side of a web chat leaves post-engagement data, or ends
/// the chat (`ChatStatus=inactive`) as Flex's janitor ends one: the Proxy session closes, the chat channel is marked
/// `INACTIVE` with `onChannelUpdated`, and the channel's live task is handed back for the caller to wrap up after commit.
public enum WebChannelEnding {
    /// What an update did: the Flex Channel as saved, and the task still being worked on when the chat ended.
    public struct Outcome: Sendable {
        /// The Flex Channel.
        public var channel: FlexChannel
        /// The channel's task that was live when the chat became inactive.
        public var liveTask: TaskRouterTask?
    }

    /// `ChatStatus` values Twilio takes (`web_channel_enum_chat_status`).
    public static let chatStatuses: Set<String> = ["inactive"]

    /// Applies `chatStatus` and `postEngagementData` to the account's web channel `sid` inside a write transaction;
    /// throws `notFound` when there is none.
    public static func update(
        sid: String, accountSid: String, chatStatus: String?, postEngagementData: String?, notFound: TwilioError, in storage: any StorageSession,
        sids: any SidGenerator, now: Date
    ) async throws -> Outcome {
        if let chatStatus, !chatStatuses.contains(chatStatus) {
            throw TwilioError.invalidParameter("ChatStatus must be one of: \(chatStatuses.sorted().joined(separator: ", "))")
        }
        let postEngagement = try postEngagementData.flatMap { $0.isEmpty ? nil : $0 }.map {
            try AttributeValue.parse(json: $0, parameter: "PostEngagementData")
        }
        guard var flexChannel = try await storage.flexChannels.find(sid: sid, accountSid: accountSid) else {
            throw notFound
        }
        var liveTask: TaskRouterTask?
        if var chat = try await storage.chatChannels.find(sid: sid, accountSid: accountSid) {
            var attributes = chat.attributes
            if let postEngagement { attributes = setting("post_engagement_data", to: postEngagement, in: attributes) }
            let ending = chatStatus == "inactive" && FlexChannelStatus.isActive(chat)
            if ending {
                attributes = ChatAttributes.setting("status", to: FlexChannelStatus.inactive, in: attributes)
                if let sessionSid = chat.proxySessionSid,
                   let session = try await storage.proxySessions.find(sid: sessionSid, accountSid: accountSid), session.isOpen {
                    try await storage.proxySessions.update(ProxyRules.close(session, reason: "web chat ended", now: now))
                }
                liveTask = try await self.liveTask(of: flexChannel, in: storage)
            }
            if attributes != chat.attributes {
                chat.attributes = attributes
                chat.dateUpdated = now
                try await storage.chatChannels.update(chat)
                try await ChatEvents.record("onChannelUpdated", channel: chat, storage: storage, sids: sids, now: now)
            }
        }
        if chatStatus != nil || postEngagement != nil {
            flexChannel.dateUpdated = now
            try await storage.flexChannels.update(flexChannel)
        }
        return Outcome(channel: flexChannel, liveTask: liveTask)
    }

    /// The channel's task while someone is still to work on it or working on it.
    static func liveTask(of channel: FlexChannel, in storage: any StorageSession) async throws -> TaskRouterTask? {
        guard let taskSid = channel.taskSid,
              let flow = try await storage.flexFlows.find(sid: channel.flexFlowSid, accountSid: channel.accountSid),
              case .task(let integration) = flow.integration,
              let task = try await storage.tasks.find(sid: taskSid, workspaceSid: integration.workspaceSid),
              !task.assignmentStatus.isTerminal
        else { return nil }
        return task
    }

    /// `text` (a channel's attributes object) with `key` set to a JSON value; text that is not an object is replaced.
    static func setting(_ key: String, to value: AttributeValue, in text: String) -> String {
        var members: [String: AttributeValue] = [:]
        if case .object(let existing)? = try? AttributeValue.parse(json: text) { members = existing }
        members[key] = value
        return AttributeValue.object(members).jsonText
    }
}

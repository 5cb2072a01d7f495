public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
public import SwitchboardRouting

/// Flex's janitor: when a channel's task completes, is canceled or deleted, and its flow has `JanitorEnabled`, the
/// channel's Proxy session closes and, unless the channel is long-lived, the chat channel is marked inactive, in the
/// transaction that ended the task.
public struct FlexJanitor: TaskLifecycleObserver {
    let sids: any SidGenerator

    /// Creates the janitor.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    public func taskEnded(_ task: TaskRouterTask, _ how: TaskEnd, in storage: any StorageSession, now: Date) async throws {
        for flexChannel in try await storage.flexChannels.all(taskSid: task.sid, accountSid: task.accountSid) {
            guard let flow = try await storage.flexFlows.find(sid: flexChannel.flexFlowSid, accountSid: task.accountSid), flow.janitorEnabled,
                  var channel = try await storage.chatChannels.find(sid: flexChannel.sid, accountSid: task.accountSid)
            else { continue }
            if let sessionSid = channel.proxySessionSid,
               let session = try await storage.proxySessions.find(sid: sessionSid, accountSid: task.accountSid), session.isOpen {
                try await storage.proxySessions.update(ProxyRules.close(session, reason: "janitor: task \(how.rawValue)", now: now))
            }
            // A long-lived channel stays open for the contact's next conversation; only its session ends.
            guard !flexChannel.longLived, FlexChannelStatus.isActive(channel) else { continue }
            channel.attributes = ChatAttributes.setting("status", to: FlexChannelStatus.inactive, in: channel.attributes)
            channel.dateUpdated = now
            try await storage.chatChannels.update(channel)
            try await ChatEvents.record("onChannelUpdated", channel: channel, storage: storage, sids: sids, now: now)
        }
    }
}

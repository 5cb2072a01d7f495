public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// `POST /Interactions/{KD}/Channels/{UO}` with `Status`: closing ends the conversation and the channel's tasks;
/// `inactive` pauses the conversation and wraps the tasks up (or ends them when `Routing.status` is `closed`).
public enum InteractionChannelStatusChange {
    /// Applies the change in `session`; returns the channel and the task changes to apply after commit.
    public static func apply(
        _ status: InteractionChannelStatus, routingStatus: String?, to channel: InteractionChannel,
        in session: any StorageSession, now: Date
    ) async throws -> (InteractionChannel, [TaskFollowUp]) {
        if let routingStatus, routingStatus != "closed" {
            throw TwilioError.invalidParameter("Routing.status must be closed; got '\(routingStatus)'")
        }
        var updated = channel
        updated.status = status
        updated.dateUpdated = now
        try await session.interactions.updateChannel(updated)
        if var conversation = try await session.conversations.lock(sid: channel.conversationSid, accountSid: channel.accountSid), conversation.isOpen {
            conversation.state = status == .closed ? .closed : .inactive
            // An inactive conversation's closed timer keeps running; its inactive timer has nothing left to do.
            let closedAt = conversation.dateClosed
            conversation.restartTimers(at: now)
            if conversation.state == .inactive { conversation.dateClosed = closedAt }
            conversation.dateUpdated = now
            try await session.conversations.update(conversation)
        }
        let wrapUpOnly = status == .inactive && routingStatus == nil
        var followUps: [TaskFollowUp] = []
        for link in try await session.interactions.tasks(channelSid: channel.sid) {
            guard let task = try await session.tasks.find(sid: link.taskSid, workspaceSid: link.workspaceSid) else { continue }
            if let followUp = TaskFollowUp.ending(task, wrapUpOnly: wrapUpOnly, reason: "Interaction channel \(status.rawValue)") {
                followUps.append(followUp)
            }
        }
        return (updated, followUps)
    }
}

public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardRouting

/// `POST …/Channels/{UO}/Invites`: another task on the same channel, for another agent or queue, carrying the
/// conversation so whoever accepts it joins the same thread.
public struct InteractionInvitation: Sendable {
    let sids: any SidGenerator

    /// Creates the service.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// Creates the invite's task in `session`; the caller routes `task.workspaceSid` after commit.
    public func invite(
        _ routing: InteractionRoutingRequest, routingText: String, to channel: InteractionChannel, in session: any StorageSession, now: Date
    ) async throws -> (InteractionTask, TaskRouterTask) {
        guard channel.status != .closed else {
            throw TwilioError.invalidParameter("Interaction channel \(channel.sid) is closed")
        }
        let target = try await InteractionTaskTarget.resolve(routing, channelType: channel.type, accountSid: channel.accountSid, in: session)
        var base = AttributeValue.emptyObject
        if let first = try await session.interactions.tasks(channelSid: channel.sid).first,
           let task = try await session.tasks.find(sid: first.taskSid, workspaceSid: first.workspaceSid) {
            base = (try? task.parsedAttributes()) ?? .emptyObject
        } else {
            base = .object([
                "conversationSid": .string(channel.conversationSid), "flexInteractionSid": .string(channel.interactionSid),
                "flexInteractionChannelSid": .string(channel.sid), "channelType": .string(channel.type.rawValue),
            ])
        }
        let inviteSid = sids.make(.interactionInvite)
        let task = try target.makeTask(sid: sids.make(.task), attributes: routing.inviteAttributes(base: base, inviteSid: inviteSid), routing: routing, now: now)
        try await RoutingEngine.enter(task, in: session, sids: sids, now: now)
        let link = InteractionTask(
            accountSid: channel.accountSid, interactionSid: channel.interactionSid, channelSid: channel.sid, workspaceSid: task.workspaceSid,
            taskSid: task.sid, inviteSid: inviteSid, routing: routingText, dateCreated: now)
        try await session.interactions.insertTask(link)
        return (link, task)
    }
}

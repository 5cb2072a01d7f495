public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Participants of an interaction channel: adding one puts its identity or binding into the conversation;
/// its `wrapup` moves its task to wrapping and `closed` completes it.
public struct InteractionParticipants: Sendable {
    let sids: any SidGenerator

    /// Creates the service.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// Adds a participant. `MediaProperties` with an `identity` adds that identity to the conversation; with an
    /// `address` and `proxy_address` (a customer) it adds the binding.
    public func add(
        type rawType: String?, mediaProperties: String?, routingProperties: String?, to channel: InteractionChannel,
        in session: any StorageSession, now: Date
    ) async throws -> InteractionParticipant {
        guard let rawType else { throw TwilioError.missingParameter("Type") }
        guard let type = InteractionParticipantType(rawValue: rawType) else {
            throw TwilioError.invalidParameter("Type must be one of supervisor, customer, external, agent, unknown")
        }
        guard let mediaProperties, !mediaProperties.isEmpty else { throw TwilioError.missingParameter("MediaProperties") }
        let media = try AttributeValue.parseAttributes(mediaProperties, parameter: "MediaProperties")
        if let routingProperties, !routingProperties.isEmpty {
            try AttributeValue.checkAttributes(routingProperties, parameter: "RoutingProperties")
        }
        guard channel.status != .closed else { throw TwilioError.invalidParameter("Interaction channel \(channel.sid) is closed") }
        var conversationParticipantSid: String?
        let identity = media[member: "identity"]?.stringValue
        let address = media[member: "address"]?.stringValue
        if let identity, !identity.isEmpty {
            if let existing = try await session.conversations.findParticipant(sidOrIdentity: identity, conversationSid: channel.conversationSid, accountSid: channel.accountSid) {
                conversationParticipantSid = existing.sid
            } else {
                let participant = try ConversationRules.makeParticipant(
                    identity: identity, address: nil, proxyAddress: nil, attributes: nil, sid: sids.make(.conversationParticipant),
                    accountSid: channel.accountSid, conversationSid: channel.conversationSid, now: now)
                try await session.conversations.insertParticipant(participant)
                conversationParticipantSid = participant.sid
            }
        } else if let address, !address.isEmpty, let proxy = media[member: "proxy_address"]?.stringValue {
            let participant = try ConversationRules.makeParticipant(
                identity: nil, address: address, proxyAddress: proxy, attributes: nil, sid: sids.make(.conversationParticipant),
                accountSid: channel.accountSid, conversationSid: channel.conversationSid, now: now)
            try await OpenBindings.add(participant, in: session)
            conversationParticipantSid = participant.sid
        }
        let participant = InteractionParticipant(
            sid: sids.make(.interactionChannelParticipant), accountSid: channel.accountSid, interactionSid: channel.interactionSid,
            channelSid: channel.sid, type: type, mediaProperties: mediaProperties,
            routingProperties: routingProperties.flatMap { $0.isEmpty ? nil : $0 }, status: nil,
            conversationParticipantSid: conversationParticipantSid, dateCreated: now, dateUpdated: now)
        try await session.interactionParticipants.insert(participant)
        return participant
    }

    /// Moves a participant to `wrapup` or `closed`, refusing other values as Twilio does; returns the task changes
    /// to apply after commit: the participant's task, or, when it names none, the channel's tasks.
    public static func changeStatus(
        _ rawStatus: String?, of participant: InteractionParticipant, on channel: InteractionChannel, in session: any StorageSession, now: Date
    ) async throws -> (InteractionParticipant, [TaskFollowUp]) {
        guard let rawStatus, !rawStatus.isEmpty else { throw TwilioError.missingParameter("Status") }
        guard rawStatus == "wrapup" || rawStatus == "closed" else {
            throw TwilioError.invalidParameter("Status must be one of closed, wrapup; got '\(rawStatus)'")
        }
        var updated = participant
        updated.status = rawStatus
        updated.dateUpdated = now
        try await session.interactionParticipants.update(updated)
        var links = try await session.interactions.tasks(channelSid: channel.sid)
        if let taskSid = participant.taskSid { links = links.filter { $0.taskSid == taskSid } }
        var followUps: [TaskFollowUp] = []
        for link in links {
            guard let task = try await session.tasks.find(sid: link.taskSid, workspaceSid: link.workspaceSid),
                  task.assignmentStatus == .assigned || task.assignmentStatus == .wrapping,
                  let followUp = TaskFollowUp.ending(task, wrapUpOnly: rawStatus == "wrapup", reason: "Participant \(rawStatus)")
            else { continue }
            followUps.append(followUp)
        }
        // An agent who leaves leaves the conversation too; the customer's binding stays with the conversation.
        if rawStatus == "closed", participant.type != .customer, let member = participant.conversationParticipantSid {
            _ = try await session.conversations.deleteParticipant(sid: member, conversationSid: channel.conversationSid, accountSid: channel.accountSid)
        }
        return (updated, followUps)
    }
}

public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardRouting

/// What creating an interaction made; the caller routes `task.workspaceSid` after the transaction commits.
public struct CreatedInteraction: Sendable {
    /// The interaction.
    public var interaction: Interaction
    /// Its channel.
    public var channel: InteractionChannel
    /// The conversation carrying the channel.
    public var conversation: Conversation
    /// The customer's participant.
    public var customer: ConversationParticipant
    /// The task routing it to an agent.
    public var task: TaskRouterTask
}

/// `POST /v1/Interactions`: the conversation with the customer's binding, the interaction and its channel, and the
/// task, all in the caller's transaction, so none exists without the others.
public struct InteractionCreation: Sendable {
    let sids: any SidGenerator

    /// Creates the service.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// Creates everything for `request` in `session`. For an existing open conversation of the same binding
    /// (a customer writing again, an agent reaching out twice) Twilio refuses the second with 50416.
    public func create(
        _ request: InteractionRequest, channelText: String, routingText: String, interactionContextSid: String?, webhookTtid: String?,
        accountSid: String, in session: any StorageSession, now: Date
    ) async throws -> CreatedInteraction {
        let target = try await InteractionTaskTarget.resolve(request.routing, channelType: request.type, accountSid: accountSid, in: session)
        let conversation = try ConversationRules.create(
            ConversationChanges(friendlyName: "\(request.type.rawValue) interaction with \(request.participant.address)"),
            sid: sids.make(.conversation), accountSid: accountSid, now: now)
        let customer = try customerParticipant(request, conversationSid: conversation.sid, accountSid: accountSid, now: now)
        let interaction = Interaction(
            sid: sids.make(.interaction), accountSid: accountSid, channel: request.channel.jsonText, routing: routingText,
            interactionContextSid: interactionContextSid, webhookTtid: webhookTtid, dateCreated: now)
        let channel = InteractionChannel(
            sid: sids.make(.interactionChannel), accountSid: accountSid, interactionSid: interaction.sid, type: request.type,
            status: .active, conversationSid: conversation.sid, initiatedBy: request.initiatedBy, dateCreated: now, dateUpdated: now)
        // Twilio's first task carries an invite SID of its own (`flexChannelInviteSid`), though only later
        // invites are listed under the channel's Invites.
        let attributes = InteractionRules.taskAttributes(
            request, conversationSid: conversation.sid, interactionSid: interaction.sid, channelSid: channel.sid,
            inviteSid: sids.make(.interactionInvite))
        let task = try target.makeTask(sid: sids.make(.task), attributes: attributes, routing: request.routing, now: now)

        try await session.conversations.insert(conversation)
        try await OpenBindings.add(customer, in: session)
        try await session.interactions.insert(interaction)
        try await session.interactions.insertChannel(channel)
        try await RoutingEngine.enter(task, in: session, sids: sids, now: now)
        try await session.interactions.insertTask(InteractionTask(
            accountSid: accountSid, interactionSid: interaction.sid, channelSid: channel.sid, workspaceSid: task.workspaceSid,
            taskSid: task.sid, inviteSid: nil, routing: routingText, dateCreated: now))
        // The customer is the channel's first participant, working through the interaction's task.
        var media: [String: AttributeValue] = ["address": .string(request.participant.address), "type": .string(request.type.rawValue)]
        if let proxy = request.participant.proxyAddress { media["proxy_address"] = .string(proxy) }
        try await session.interactionParticipants.insert(InteractionParticipant(
            sid: sids.make(.interactionChannelParticipant), accountSid: accountSid, interactionSid: interaction.sid, channelSid: channel.sid,
            type: .customer, mediaProperties: AttributeValue.object(media).jsonText,
            routingProperties: AttributeValue.object(["task_sid": .string(task.sid)]).jsonText, status: nil,
            conversationParticipantSid: customer.sid, dateCreated: now, dateUpdated: now))
        let events = ConversationEvents(session: session, sids: sids, now: now)
        try await events.record("onConversationAdded", conversation: conversation, parameters: ConversationEvents.conversationParameters(conversation))
        try await events.record("onParticipantAdded", conversation: conversation, parameters: ConversationEvents.participantParameters(customer))
        return CreatedInteraction(interaction: interaction, channel: channel, conversation: conversation, customer: customer, task: task)
    }

    /// The customer: a messaging binding, or for chat and web an identity that reads the conversation itself.
    func customerParticipant(_ request: InteractionRequest, conversationSid: String, accountSid: String, now: Date) throws(TwilioError) -> ConversationParticipant {
        let sid = sids.make(.conversationParticipant)
        if request.type.deliveryChannel == .chat {
            return ConversationParticipant(
                sid: sid, accountSid: accountSid, conversationSid: conversationSid, identity: request.participant.address,
                binding: MessagingBinding(channel: .chat, address: request.participant.address, proxyAddress: conversationSid),
                attributes: "{}", lastInboundAt: nil, dateCreated: now, dateUpdated: now)
        }
        let participant = try ConversationRules.makeParticipant(
            identity: nil, address: request.participant.address, proxyAddress: request.participant.proxyAddress, attributes: nil,
            sid: sid, accountSid: accountSid, conversationSid: conversationSid, now: now)
        guard participant.binding?.channel == request.type.deliveryChannel else {
            throw .invalidParameter("Channel.participants[0].address \(request.participant.address) is not a \(request.type.rawValue) address")
        }
        return participant
    }
}

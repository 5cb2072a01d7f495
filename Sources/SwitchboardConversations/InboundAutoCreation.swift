public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// A customer writing to an address with `Configuration/Addresses` auto-creation and no open conversation: a new
/// conversation with the customer's binding. When an enabled Flex Flow with a `task` integration has the address as
/// its contact identity, it is Flex's entry point for that address, so the conversation comes with an interaction
/// initiated by the customer and a task on the flow's workflow.
struct InboundAutoCreation: Sendable {
    let sids: any SidGenerator

    /// The new conversation's customer participant, or `nil` when the address does not auto-create.
    func open(for message: Message, in session: any StorageSession, now: Date) async throws -> (ConversationParticipant, String?)? {
        guard let address = try await session.conversationConfiguration.findAddress(
                  type: message.channel.rawValue, address: message.to, accountSid: message.accountSid),
              address.autoCreationEnabled
        else { return nil }
        if let entry = try await flexFlow(for: message, in: session) {
            let (flow, integration) = entry
            let type = message.channel.rawValue
            let channel = AttributeValue.object([
                "type": .string(type), "initiated_by": .string("customer"), "properties": .object(["type": .string(type)]),
                "participants": .array([.object(["address": .string(message.from), "proxy_address": .string(message.to), "type": .string(type)])]),
            ])
            var properties: [String: AttributeValue] = [
                "workspace_sid": .string(integration.workspaceSid), "workflow_sid": .string(integration.workflowSid),
                "priority": .number(Double(integration.priority)), "timeout": .number(Double(integration.timeout)),
                "attributes": .object(["customerAddress": .string(message.from), "flexFlowSid": .string(flow.sid)]),
            ]
            if !integration.channel.isEmpty { properties["task_channel_unique_name"] = .string(integration.channel) }
            let routing = AttributeValue.object(["properties": .object(properties)])
            let request = try InteractionRequest.parse(channel: channel.jsonText, routing: routing.jsonText)
            let created = try await InteractionCreation(sids: sids).create(
                request, channelText: channel.jsonText, routingText: routing.jsonText, interactionContextSid: nil, webhookTtid: nil,
                accountSid: message.accountSid, in: session, now: now)
            return (created.customer, created.task.workspaceSid)
        }
        let conversation = try ConversationRules.create(
            ConversationChanges(friendlyName: "\(message.channel.rawValue) conversation with \(message.from)"),
            sid: sids.make(.conversation), accountSid: message.accountSid, now: now)
        try await session.conversations.insert(conversation)
        let customer = ConversationParticipant(
            sid: sids.make(.conversationParticipant), accountSid: message.accountSid, conversationSid: conversation.sid, identity: nil,
            binding: MessagingBinding(channel: message.channel, address: message.from, proxyAddress: message.to),
            attributes: "{}", lastInboundAt: nil, dateCreated: now, dateUpdated: now)
        try await session.conversations.insertParticipant(customer)
        try await ConversationEvents(session: session, sids: sids, now: now).record(
            "onConversationAdded", conversation: conversation, source: message.channel.rawValue.uppercased(),
            parameters: ConversationEvents.conversationParameters(conversation))
        return (customer, nil)
    }

    /// The enabled Flex Flow with a task integration whose contact identity is the address written to.
    func flexFlow(for message: Message, in session: any StorageSession) async throws -> (FlexFlow, TaskIntegration)? {
        let flows = try await session.flexFlows.list(accountSid: message.accountSid, friendlyName: nil, page: PageRequest(size: PageRequest.maximumSize)).items
        for flow in flows where flow.enabled {
            guard case .task(let integration) = flow.integration, let identity = flow.contactIdentity,
                  (try? DeliveryAddress(identity, channel: message.channel).value) == message.to
            else { continue }
            return (flow, integration)
        }
        return nil
    }
}

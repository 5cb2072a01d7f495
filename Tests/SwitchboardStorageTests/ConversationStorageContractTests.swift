import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for conversations, Flex interactions and Content templates.
@Suite struct ConversationStorageContractTests {
    static let now = Fixtures.now

    static func conversation(accountSid: String, uniqueName: String? = nil) -> Conversation {
        Conversation(
            sid: DeliveryFixtures.sid(.conversation), accountSid: accountSid, friendlyName: "Zoë's order", uniqueName: uniqueName,
            attributes: #"{"topic":"order"}"#, state: .active, dateInactive: now.addingTimeInterval(600), dateClosed: nil,
            nextMessageIndex: 0, dateCreated: now, dateUpdated: now.addingTimeInterval(1))
    }

    static func customer(of conversation: Conversation, address: String = "whatsapp:+14155550100") -> ConversationParticipant {
        ConversationParticipant(
            sid: DeliveryFixtures.sid(.conversationParticipant), accountSid: conversation.accountSid, conversationSid: conversation.sid,
            identity: nil, binding: MessagingBinding(channel: .whatsapp, address: address, proxyAddress: "whatsapp:+14155550199"),
            attributes: "{}", lastInboundAt: now.addingTimeInterval(-60), dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func conversationsParticipantsAndMessagesRoundTripAndAreFoundByUniqueNameAndIdentity(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let unique = "order-" + DeliveryFixtures.sid(.conversation)
            let conversation = Self.conversation(accountSid: account.sid, uniqueName: unique)
            let customer = Self.customer(of: conversation)
            let agent = ConversationParticipant(
                sid: DeliveryFixtures.sid(.conversationParticipant), accountSid: account.sid, conversationSid: conversation.sid,
                identity: "agent.ann", binding: nil, attributes: #"{"role":"agent"}"#, lastInboundAt: nil, dateCreated: Self.now, dateUpdated: Self.now)
            let message = ConversationMessage(
                sid: DeliveryFixtures.sid(.conversationMessage), accountSid: account.sid, conversationSid: conversation.sid, index: 0,
                author: "agent.ann", body: "Hello Zoë", attributes: "{}", participantSid: agent.sid, contentSid: "HX" + String(repeating: "a", count: 32),
                contentVariables: #"{"1":"Zoë"}"#, subject: "Your order", dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { session in
                try await session.conversations.insert(conversation)
                try await session.conversations.insertParticipant(customer)
                try await session.conversations.insertParticipant(agent)
                try await session.conversations.insertMessage(message)
            }
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: conversation.sid, accountSid: account.sid) } == conversation)
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: unique, accountSid: account.sid) } == conversation)
            #expect(try await storage.read { try await $0.conversations.findParticipant(sidOrIdentity: "agent.ann", conversationSid: conversation.sid, accountSid: account.sid) } == agent)
            #expect(try await storage.read { try await $0.conversations.participants(conversationSid: conversation.sid) } == [customer, agent])
            #expect(try await storage.read { try await $0.conversations.findMessage(sid: message.sid, conversationSid: conversation.sid, accountSid: account.sid) } == message)
            let byAddress = try await storage.read {
                try await $0.conversations.participants(accountSid: account.sid, address: "whatsapp:+14155550100", proxyAddress: "whatsapp:+14155550199", identity: nil, page: PageRequest())
            }
            #expect(byAddress.items == [customer])
        }
    }

    @Test(arguments: TestBackend.available)
    func updatesAreSavedAndDeletingAConversationTakesItsParticipantsAndMessages(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let original = Self.conversation(accountSid: account.sid)
            let originalCustomer = Self.customer(of: original)
            try await storage.write { session in
                try await session.conversations.insert(original)
                try await session.conversations.insertParticipant(originalCustomer)
            }
            var conversation = original
            var customer = originalCustomer
            conversation.state = .closed
            conversation.nextMessageIndex = 3
            customer.lastInboundAt = Self.now.addingTimeInterval(30)
            let (savedConversation, savedCustomer) = (conversation, customer)
            let locked = try await storage.write { session in
                try await session.conversations.update(savedConversation)
                try await session.conversations.updateParticipant(savedCustomer)
                return try await session.conversations.lock(sid: savedConversation.sid, accountSid: account.sid)
            }
            #expect(locked == savedConversation)
            #expect(try await storage.read { try await $0.conversations.participants(conversationSid: savedConversation.sid) } == [savedCustomer])
            #expect(try await storage.read { try await $0.conversations.list(accountSid: account.sid, state: .closed, page: PageRequest()) }.items == [savedConversation])
            #expect(try await storage.read { try await $0.conversations.list(accountSid: account.sid, state: .active, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.write { try await $0.conversations.delete(sid: savedConversation.sid, accountSid: account.sid) })
            #expect(try await storage.read { try await $0.conversations.participants(conversationSid: savedConversation.sid) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func conversationsOfOneAccountAreInvisibleToAnother(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let owner = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let conversation = Self.conversation(accountSid: owner.sid)
            try await storage.write { try await $0.conversations.insert(conversation) }
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: conversation.sid, accountSid: other.sid) } == nil)
            #expect(try await storage.read { try await $0.conversations.list(accountSid: other.sid, state: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.write { try await $0.conversations.delete(sid: conversation.sid, accountSid: other.sid) } == false)
        }
    }

    @Test(arguments: TestBackend.available)
    func deliveriesAreTheChannelMessagesWhoseOriginIsTheConversationMessage(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let origin = DeliveryFixtures.sid(.conversationMessage)
            var message = DeliveryFixtures.message(accountSid: account.sid)
            message.origin = origin
            let carried = message
            let unrelated = DeliveryFixtures.message(accountSid: account.sid)
            try await storage.write { session in
                try await session.messages.insert(carried)
                try await session.messages.insert(unrelated)
            }
            #expect(try await storage.read { try await $0.conversations.deliveries(conversationMessageSid: origin, accountSid: account.sid) } == [carried])
        }
    }

    @Test(arguments: TestBackend.available)
    func interactionsChannelsAndTheirTasksRoundTrip(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let interaction = Interaction(
                sid: DeliveryFixtures.sid(.interaction), accountSid: account.sid, channel: #"{"type":"sms"}"#, routing: #"{"properties":{}}"#,
                interactionContextSid: nil, webhookTtid: "flex_interactionwebhook_1", dateCreated: Self.now)
            var channel = InteractionChannel(
                sid: DeliveryFixtures.sid(.interactionChannel), accountSid: account.sid, interactionSid: interaction.sid, type: .sms,
                status: .active, conversationSid: DeliveryFixtures.sid(.conversation), initiatedBy: "agent", dateCreated: Self.now, dateUpdated: Self.now)
            let task = InteractionTask(
                accountSid: account.sid, interactionSid: interaction.sid, channelSid: channel.sid, workspaceSid: DeliveryFixtures.sid(.workspace),
                taskSid: DeliveryFixtures.sid(.task), inviteSid: nil, routing: "{}", dateCreated: Self.now)
            let invite = InteractionTask(
                accountSid: account.sid, interactionSid: interaction.sid, channelSid: channel.sid, workspaceSid: task.workspaceSid,
                taskSid: DeliveryFixtures.sid(.task), inviteSid: DeliveryFixtures.sid(.interactionInvite), routing: #"{"properties":{}}"#, dateCreated: Self.now)
            let stored = channel
            try await storage.write { session in
                try await session.interactions.insert(interaction)
                try await session.interactions.insertChannel(stored)
                try await session.interactions.insertTask(task)
                try await session.interactions.insertTask(invite)
            }
            #expect(try await storage.read { try await $0.interactions.find(sid: interaction.sid, accountSid: account.sid) } == interaction)
            #expect(try await storage.read { try await $0.interactions.channel(conversationSid: stored.conversationSid, accountSid: account.sid) } == stored)
            #expect(try await storage.read { try await $0.interactions.tasks(channelSid: stored.sid) } == [task, invite])
            channel.status = .closed
            channel.errorCode = 19025
            channel.errorMessage = "Channel validation error"
            let closed = channel
            try await storage.write { try await $0.interactions.updateChannel(closed) }
            #expect(try await storage.read { try await $0.interactions.findChannel(sid: closed.sid, interactionSid: interaction.sid, accountSid: account.sid) } == closed)
            #expect(try await storage.read { try await $0.interactions.listChannels(interactionSid: interaction.sid, accountSid: account.sid, page: PageRequest()) }.items == [closed])
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            #expect(try await storage.read { try await $0.interactions.find(sid: interaction.sid, accountSid: other.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func contentTemplatesRoundTripWithTheirApproval(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            var template = ContentTemplate(
                sid: DeliveryFixtures.sid(.content), accountSid: account.sid, friendlyName: "order_update", language: "en",
                variables: #"{"1":"customer"}"#, types: #"{"twilio/text":{"body":"Hi {{1}}"}}"#, dateCreated: Self.now, dateUpdated: Self.now)
            let created = template
            try await storage.write { try await $0.contents.insert(created) }
            #expect(try await storage.read { try await $0.contents.find(sid: created.sid, accountSid: account.sid) } == created)
            template.approvalName = "order_update"
            template.approvalCategory = "UTILITY"
            template.approvalStatus = .approved
            let approved = template
            try await storage.write { try await $0.contents.update(approved) }
            #expect(try await storage.read { try await $0.contents.list(accountSid: account.sid, page: PageRequest()) }.items == [approved])
            #expect(try await storage.write { try await $0.contents.delete(sid: approved.sid, accountSid: account.sid) })
            #expect(try await storage.read { try await $0.contents.find(sid: approved.sid, accountSid: account.sid) } == nil)
        }
    }
}

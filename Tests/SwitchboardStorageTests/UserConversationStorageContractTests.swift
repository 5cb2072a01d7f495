import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for the conversations a Conversations user takes part in, and their read state.
@Suite struct UserConversationStorageContractTests {
    static let now = Fixtures.now

    static func agent(_ identity: String, in conversation: Conversation) -> ConversationParticipant {
        ConversationParticipant(
            sid: DeliveryFixtures.sid(.conversationParticipant), accountSid: conversation.accountSid, conversationSid: conversation.sid,
            identity: identity, binding: nil, attributes: "{}", lastInboundAt: nil, dateCreated: now, dateUpdated: now)
    }

    static func conversation(accountSid: String, chatServiceSid: String) -> Conversation {
        var conversation = ConversationStorageContractTests.conversation(accountSid: accountSid)
        conversation.chatServiceSid = chatServiceSid
        return conversation
    }

    static func message(_ index: Int, in conversation: Conversation) -> ConversationMessage {
        ConversationMessage(
            sid: DeliveryFixtures.sid(.conversationMessage), accountSid: conversation.accountSid, conversationSid: conversation.sid,
            index: index, author: "agent.ann", body: "message \(index)", attributes: "{}", participantSid: nil, contentSid: nil,
            contentVariables: nil, subject: nil, dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func aUsersConversationsAreThoseOfItsServiceWhereAParticipantHasItsIdentity(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let (defaultService, otherService) = (DeliveryFixtures.sid(.conversationService), DeliveryFixtures.sid(.conversationService))
            let unique = "order-" + DeliveryFixtures.sid(.conversation)
            // Stored without a service: the default service's.
            let first = ConversationStorageContractTests.conversation(accountSid: account.sid, uniqueName: unique)
            let second = Self.conversation(accountSid: account.sid, chatServiceSid: defaultService)
            let elsewhere = Self.conversation(accountSid: account.sid, chatServiceSid: otherService)
            let someoneElse = ConversationStorageContractTests.conversation(accountSid: account.sid)
            let ann = [first, second, elsewhere].map { Self.agent("agent.ann", in: $0) }
            try await storage.write { session in
                for conversation in [first, second, elsewhere, someoneElse] { try await session.conversations.insert(conversation) }
                for participant in ann { try await session.conversations.insertParticipant(participant) }
                try await session.conversations.insertParticipant(Self.agent("agent.bob", in: someoneElse))
            }
            let inDefault = ConversationServiceFilter(serviceSid: defaultService, isDefault: true)
            let inOther = ConversationServiceFilter(serviceSid: otherService, isDefault: false)

            let listed = try await storage.read {
                try await $0.userConversations.list(identity: "agent.ann", accountSid: account.sid, service: inDefault, page: PageRequest())
            }
            #expect(listed.items.map(\.conversation) == [first, second])
            #expect(listed.items.map(\.participant) == [ann[0], ann[1]])
            #expect(listed.items.allSatisfy { $0.readState == ParticipantReadState() && $0.unreadMessagesCount == nil })
            let paged = try await storage.read {
                try await $0.userConversations.list(identity: "agent.ann", accountSid: account.sid, service: inDefault, page: PageRequest(size: 1))
            }
            #expect(paged.items.map(\.conversation.sid) == [first.sid] && paged.next != nil)
            let other = try await storage.read {
                try await $0.userConversations.list(identity: "agent.ann", accountSid: account.sid, service: inOther, page: PageRequest())
            }
            #expect(other.items.map(\.conversation.sid) == [elsewhere.sid])

            #expect(try await storage.read {
                try await $0.userConversations.find(conversation: unique, identity: "agent.ann", accountSid: account.sid, service: inDefault)
            }?.participant == ann[0])
            #expect(try await storage.read {
                try await $0.userConversations.find(conversation: elsewhere.sid, identity: "agent.ann", accountSid: account.sid, service: inDefault)
            } == nil)
            #expect(try await storage.read {
                try await $0.userConversations.find(conversation: someoneElse.sid, identity: "agent.ann", accountSid: account.sid, service: inDefault)
            } == nil)
            let stranger = Fixtures.account().sid
            #expect(try await storage.read {
                try await $0.userConversations.list(identity: "agent.ann", accountSid: stranger, service: inDefault, page: PageRequest())
            }.items.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func theReadStateIsSavedAndCountsTheMessagesPastTheHorizon(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let service = ConversationServiceFilter(serviceSid: DeliveryFixtures.sid(.conversationService), isDefault: true)
            let conversation = ConversationStorageContractTests.conversation(accountSid: account.sid)
            let ann = Self.agent("agent.ann", in: conversation)
            var changed = ann
            changed.attributes = #"{"away":true}"#
            let savedChange = changed
            try await storage.write { session in
                try await session.conversations.insert(conversation)
                try await session.conversations.insertParticipant(ann)
                for index in 0..<5 { try await session.conversations.insertMessage(Self.message(index, in: conversation)) }
            }
            let state = ParticipantReadState(lastReadMessageIndex: 1, lastReadTimestamp: Self.now, notificationLevel: .muted)
            try await storage.write { session in
                try await session.userConversations.updateReadState(state, participantSid: ann.sid, accountSid: account.sid)
                // The participant's own writes leave its read state alone.
                try await session.conversations.updateParticipant(savedChange)
            }
            let found = try #require(try await storage.read {
                try await $0.userConversations.find(conversation: conversation.sid, identity: "agent.ann", accountSid: account.sid, service: service)
            })
            #expect(found.readState == state)
            #expect(found.unreadMessagesCount == 3)
            // The participant answers its read state, which its own update (carrying none) did not overwrite.
            var expected = savedChange
            expected.readState = state
            #expect(found.participant == expected)
            try await storage.write { session in
                try await session.userConversations.updateReadState(
                    ParticipantReadState(lastReadMessageIndex: 4, lastReadTimestamp: Self.now, notificationLevel: .default),
                    participantSid: ann.sid, accountSid: account.sid)
            }
            let caughtUp = try await storage.read {
                try await $0.userConversations.list(identity: "agent.ann", accountSid: account.sid, service: service, page: PageRequest())
            }
            #expect(caughtUp.items.map(\.unreadMessagesCount) == [0])
            #expect(caughtUp.items.map(\.readState.notificationLevel) == [.default])
        }
    }
}

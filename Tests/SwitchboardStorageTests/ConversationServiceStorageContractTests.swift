import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for Conversations services: conversations by service (stored without one in the default),
/// the account's `Configuration`, and each service's configuration.
@Suite struct ConversationServiceStorageContractTests {
    static let now = Fixtures.now

    static func conversation(accountSid: String, serviceSid: String?, uniqueName: String? = nil) -> Conversation {
        var conversation = ConversationStorageContractTests.conversation(accountSid: accountSid, uniqueName: uniqueName)
        conversation.chatServiceSid = serviceSid
        return conversation
    }

    @Test(arguments: TestBackend.available)
    func conversationsAreFoundAndListedByServiceWithUnassignedOnesInTheDefault(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let (defaultSid, otherSid) = (DeliveryFixtures.sid(.conversationService), DeliveryFixtures.sid(.conversationService))
            let name = "shared-" + DeliveryFixtures.sid(.conversation)
            let unassigned = Self.conversation(accountSid: account.sid, serviceSid: nil, uniqueName: name)
            let explicitDefault = Self.conversation(accountSid: account.sid, serviceSid: defaultSid)
            let other = Self.conversation(accountSid: account.sid, serviceSid: otherSid, uniqueName: name)
            try await storage.write { session in
                for conversation in [unassigned, explicitDefault, other] { try await session.conversations.insert(conversation) }
            }
            let inDefault = ConversationServiceFilter(serviceSid: defaultSid, isDefault: true)
            let inOther = ConversationServiceFilter(serviceSid: otherSid, isDefault: false)
            let listedDefault = try await storage.read { try await $0.conversations.list(accountSid: account.sid, service: inDefault, state: nil, page: PageRequest()) }
            #expect(listedDefault.items == [unassigned, explicitDefault])
            let listedOther = try await storage.read { try await $0.conversations.list(accountSid: account.sid, service: inOther, state: .active, page: PageRequest()) }
            #expect(listedOther.items == [other])
            // The same unique name in two services names two conversations.
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: name, accountSid: account.sid, service: inDefault) } == unassigned)
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: name, accountSid: account.sid, service: inOther) } == other)
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: other.sid, accountSid: account.sid, service: inDefault) } == nil)
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: other.sid, accountSid: "AC" + String(repeating: "0", count: 32), service: inOther) } == nil)

            // When another service becomes the default, the unassigned conversations keep the old one.
            try await storage.write { try await $0.conversations.assignService(defaultSid, toUnassignedOf: account.sid) }
            let nowOld = ConversationServiceFilter(serviceSid: defaultSid, isDefault: false)
            let kept = try await storage.read { try await $0.conversations.list(accountSid: account.sid, service: nowOld, state: nil, page: PageRequest()) }
            #expect(kept.items.map(\.sid) == [unassigned.sid, explicitDefault.sid])
            #expect(kept.items.allSatisfy { $0.chatServiceSid == defaultSid })
            let newDefault = ConversationServiceFilter(serviceSid: otherSid, isDefault: true)
            #expect(try await storage.read { try await $0.conversations.list(accountSid: account.sid, service: newDefault, state: nil, page: PageRequest()) }.items == [other])
        }
    }

    @Test(arguments: TestBackend.available)
    func deletingAServicesConversationsTakesTheirParticipantsAndLeavesOtherServices(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let (doomedSid, keptSid) = (DeliveryFixtures.sid(.conversationService), DeliveryFixtures.sid(.conversationService))
            let doomed = Self.conversation(accountSid: account.sid, serviceSid: doomedSid)
            let kept = Self.conversation(accountSid: account.sid, serviceSid: keptSid)
            let doomedCustomer = ConversationStorageContractTests.customer(of: doomed, address: "whatsapp:+14155550111")
            let keptCustomer = ConversationStorageContractTests.customer(of: kept, address: "whatsapp:+14155550112")
            try await storage.write { session in
                try await session.conversations.insert(doomed)
                try await session.conversations.insert(kept)
                try await session.conversations.insertParticipant(doomedCustomer)
                try await session.conversations.insertParticipant(keptCustomer)
            }
            try await storage.write { try await $0.conversations.deleteAll(accountSid: account.sid, service: ConversationServiceFilter(serviceSid: doomedSid, isDefault: false)) }
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: doomed.sid, accountSid: account.sid) } == nil)
            #expect(try await storage.read { try await $0.conversations.participants(conversationSid: doomed.sid) }.isEmpty)
            #expect(try await storage.read { try await $0.conversations.find(sidOrUniqueName: kept.sid, accountSid: account.sid) } == kept)
            let inKept = ConversationServiceFilter(serviceSid: keptSid, isDefault: false)
            let found = try await storage.read {
                try await $0.conversations.participants(accountSid: account.sid, service: inKept, address: nil, proxyAddress: nil, identity: nil, page: PageRequest())
            }
            #expect(found.items == [keptCustomer])
        }
    }

    @Test(arguments: TestBackend.available)
    func theAccountsConfigurationAndEachServicesAreSavedAndReadBack(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let serviceSid = DeliveryFixtures.sid(.conversationService)
            #expect(try await storage.read { try await $0.conversationConfiguration.accountConfiguration(accountSid: account.sid) } == nil)
            var configuration = ConversationAccountConfiguration(accountSid: account.sid, defaultChatServiceSid: serviceSid)
            try await storage.write { [configuration] session in
                try await session.conversationConfiguration.holdAccountConfiguration(accountSid: account.sid)
                try await session.conversationConfiguration.saveAccountConfiguration(configuration)
            }
            configuration.defaultClosedTimer = "PT1H"
            configuration.defaultMessagingServiceSid = "MG" + String(repeating: "b", count: 32)
            try await storage.write { [configuration] in try await $0.conversationConfiguration.saveAccountConfiguration(configuration) }
            #expect(try await storage.read { try await $0.conversationConfiguration.accountConfiguration(accountSid: account.sid) } == configuration)

            #expect(try await storage.read { try await $0.conversationConfiguration.serviceConfiguration(serviceSid: serviceSid) } == nil)
            var service = ConversationServiceConfiguration(accountSid: account.sid, chatServiceSid: serviceSid)
            service.reachabilityEnabled = true
            service.newMessage = ConversationNotificationSetting(enabled: true, template: "New: ${MESSAGE}", sound: "ping")
            service.webhookFilters = ["onMessageAdded", "onConversationAdded"]
            service.postWebhookUrl = "https://example.com/post"
            try await storage.write { [service] in try await $0.conversationConfiguration.saveServiceConfiguration(service) }
            service.webhookMethod = "GET"
            try await storage.write { [service] in try await $0.conversationConfiguration.saveServiceConfiguration(service) }
            #expect(try await storage.read { try await $0.conversationConfiguration.serviceConfiguration(serviceSid: serviceSid) } == service)
            try await storage.write { try await $0.conversationConfiguration.deleteServiceConfiguration(serviceSid: serviceSid) }
            #expect(try await storage.read { try await $0.conversationConfiguration.serviceConfiguration(serviceSid: serviceSid) } == nil)
        }
    }
}

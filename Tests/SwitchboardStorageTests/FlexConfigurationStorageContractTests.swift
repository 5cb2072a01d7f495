import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract of the Flex configuration and of interaction updates, on every backend.
@Suite struct FlexConfigurationStorageContractTests {
    static let now = Fixtures.now

    @Test(arguments: TestBackend.available)
    func aConfigurationIsSavedWholeAndReadBackPerAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account(), other = Fixtures.account()
            let first = FlexConfiguration(accountSid: account.sid, settings: ["ui_language": .string("en"), "crm_enabled": .bool(true),
                                                                              "ui_attributes": .object(["theme": .array([.number(1), .null])])],
                                          dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { session in
                try await session.accounts.insert(account)
                try await session.accounts.insert(other)
                #expect(try await session.flexConfigurations.find(accountSid: account.sid) == nil)
                try await session.flexConfigurations.save(first)
            }
            var second = first
            second.settings = ["ui_language": .string("fr")]
            second.dateUpdated = Self.now.addingTimeInterval(60)
            let saved = second
            try await storage.write { try await $0.flexConfigurations.save(saved) }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                // The second save replaced the settings and the update date, and kept the creation date.
                #expect(try await session.flexConfigurations.find(accountSid: account.sid) == saved)
                #expect(try await session.flexConfigurations.find(accountSid: other.sid) == nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anInteractionUpdateChangesItsWebhookTtidOnly(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let interaction = Interaction(
                sid: DeliveryFixtures.sid(.interaction), accountSid: account.sid, channel: #"{"type":"sms"}"#, routing: #"{"properties":{}}"#,
                interactionContextSid: nil, webhookTtid: nil, dateCreated: Self.now)
            try await storage.write { try await $0.interactions.insert(interaction) }
            var changed = interaction
            changed.webhookTtid = "flex_interactionwebhook_2"
            changed.routing = "{}"
            let update = changed
            try await storage.write { try await $0.interactions.update(update) }
            var expected = interaction
            expected.webhookTtid = "flex_interactionwebhook_2"
            #expect(try await storage.read { try await $0.interactions.find(sid: interaction.sid, accountSid: account.sid) } == expected)
        }
    }
}

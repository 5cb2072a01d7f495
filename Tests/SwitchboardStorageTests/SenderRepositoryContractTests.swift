import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract of senders, and of the provider ids and media URLs that their messages carry, on every
/// backend.
@Suite struct SenderRepositoryContractTests {
    static let now = Fixtures.now

    static func sender(_ accountSid: String, _ address: String = "+18005555555", name: String? = nil, connector: ConnectorKind = .twilio) -> Sender {
        Sender(
            sid: DeliveryFixtures.sid(.sender), accountSid: accountSid, address: address, channel: .sms, connector: connector,
            friendlyName: name, messagesPerSecond: 1.5, settings: ["account_sid": "ACremote", "base_url": "http://127.0.0.1:9/"],
            sealedSecrets: ["auth_token": SecretBox().seal("tw-token-secret")], dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func aSenderIsFoundBySidWithinItsAccountBySidAloneAndByAddress(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let sender = Self.sender(account.sid, name: "Support line")
            try await storage.write { try await $0.senders.insert(sender) }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.senders.find(sid: sender.sid, accountSid: account.sid) == sender)
                #expect(try await session.senders.find(sid: sender.sid) == sender)
                #expect(try await session.senders.find(address: "+18005555555", accountSid: account.sid) == sender)
                #expect(try await session.senders.find(sid: sender.sid, accountSid: other.sid) == nil)
                #expect(try await session.senders.find(address: "+18005555555", accountSid: other.sid) == nil)
                #expect(try await session.senders.find(sid: DeliveryFixtures.sid(.sender)) == nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anAddressIsFoundInEveryAccountThatHasItOldestFirst(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            // PostgreSQL's test database outlives a run, so the addresses are fresh.
            let mailbox = "support-\(UUID().uuidString.lowercased())@example.com"
            let first = Self.sender(account.sid, mailbox), second = Self.sender(other.sid, mailbox)
            try await storage.write { session in
                try await session.senders.insert(first)
                try await session.senders.insert(second)
                try await session.senders.insert(Self.sender(account.sid, "sales-" + mailbox))
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.senders.all(address: mailbox) == [first, second])
                #expect(try await session.senders.all(address: "nobody-" + mailbox) == [])
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theSendersOfOneConnectorAreFoundInEveryAccountOldestFirst(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let first = Self.sender(account.sid, "+18005550001", connector: .smpp), second = Self.sender(other.sid, "+18005550002", connector: .smpp)
            try await storage.write { session in
                try await session.senders.insert(first)
                try await session.senders.insert(Self.sender(account.sid, "+18005550003"))
                try await session.senders.insert(second)
            }
            // PostgreSQL's test database outlives a run, so only this test's accounts are looked at.
            let found = try await storage.read { try await $0.senders.all(connector: .smpp) }
                .filter { [account.sid, other.sid].contains($0.accountSid) }
            #expect(found == [first, second])
        }
    }

    @Test(arguments: TestBackend.available)
    func anAccountHasEachAddressOnceWhileAnotherAccountMayHaveItToo(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            try await storage.write { try await $0.senders.insert(Self.sender(account.sid)) }
            await #expect(throws: (any Error).self) {
                try await storage.write { try await $0.senders.insert(Self.sender(account.sid)) }
            }
            try await storage.write { try await $0.senders.insert(Self.sender(other.sid)) }
            var moved = Self.sender(account.sid, "+18005550000")
            try await storage.write { [moved] in try await $0.senders.insert(moved) }
            moved.address = "+18005555555"
            await #expect(throws: (any Error).self) {
                try await storage.write { [moved] in try await $0.senders.update(moved) }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func listsAreTheAccountsOwnOldestFirstInPages(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let senders = ["+18005550001", "+18005550002", "+18005550003"].map { Self.sender(account.sid, $0) }
            try await storage.write { session in
                for sender in senders { try await session.senders.insert(sender) }
                try await session.senders.insert(Self.sender(other.sid, "+18005550009"))
            }
            let accountSid = account.sid
            let all = try await storage.read { try await $0.senders.list(accountSid: accountSid, page: PageRequest()) }
            #expect(all.items == senders)
            #expect(all.next == nil)
            let first = try await storage.read { try await $0.senders.list(accountSid: accountSid, page: PageRequest(size: 2)) }
            #expect(first.items == Array(senders.prefix(2)))
            let cursor = try #require(first.next)
            let second = try await storage.read { try await $0.senders.list(accountSid: accountSid, page: PageRequest(size: 2, page: 1, cursor: cursor)) }
            #expect(second.items == [senders[2]])
            #expect(second.next == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func sendsAndFailuresAreCountedAndAnUpdateLeavesThemAlone(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let sender = Self.sender(account.sid)
            let sid = sender.sid, accountSid = account.sid
            try await storage.write { session in
                try await session.senders.insert(sender)
                try await session.senders.recordSent(sid: sid)
                try await session.senders.recordSent(sid: sid)
                try await session.senders.recordFailure(sid: sid, error: "Twilio 20003: Authenticate", at: Self.now.addingTimeInterval(10), counted: false)
                try await session.senders.recordFailure(sid: sid, error: "Twilio 21211: Invalid 'To'", at: Self.now.addingTimeInterval(20), counted: true)
            }
            let expected = SenderHealth(sentCount: 2, failedCount: 1, lastFailureAt: Self.now.addingTimeInterval(20), lastError: "Twilio 21211: Invalid 'To'")
            #expect(try await storage.read { try await $0.senders.find(sid: sid) }?.health == expected)

            var changed = sender
            changed.friendlyName = "Renamed"
            changed.messagesPerSecond = nil
            changed.settings["base_url"] = nil
            changed.sealedSecrets["api_key_secret"] = SecretBox().seal("tw-key-secret")
            changed.dateUpdated = Self.now.addingTimeInterval(60)
            // The health in hand is stale: an update must not write it over the counts.
            changed.health = SenderHealth()
            try await storage.write { [changed] in try await $0.senders.update(changed) }
            let stored = try #require(try await storage.read { try await $0.senders.find(sid: sid, accountSid: accountSid) })
            #expect(stored.health == expected)
            changed.health = expected
            #expect(stored == changed)
        }
    }

    @Test(arguments: TestBackend.available)
    func aDeleteIsScopedToTheAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let sender = Self.sender(account.sid)
            let sid = sender.sid, accountSid = account.sid
            try await storage.write { try await $0.senders.insert(sender) }
            #expect(try await storage.write { try await $0.senders.delete(sid: sid, accountSid: other.sid) } == false)
            #expect(try await storage.read { try await $0.senders.find(sid: sid) } != nil)
            #expect(try await storage.write { try await $0.senders.delete(sid: sid, accountSid: accountSid) })
            #expect(try await storage.read { try await $0.senders.find(sid: sid) } == nil)
            #expect(try await storage.write { try await $0.senders.delete(sid: sid, accountSid: accountSid) } == false)
            // The address is free again once its sender is gone.
            try await storage.write { try await $0.senders.insert(Self.sender(accountSid)) }
        }
    }

    @Test(arguments: TestBackend.available)
    func aMessageIsFoundByItsProviderIDWithinItsAccountAndKeepsItsMediaURLs(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            var message = DeliveryFixtures.message(accountSid: account.sid)
            message.mediaUrls = ["https://cdn.example.com/a.jpg", "https://cdn.example.com/b.pdf?x=1&y=2"]
            let plain = DeliveryFixtures.message(accountSid: account.sid)
            try await storage.write { [message] session in
                try await session.messages.insert(message)
                try await session.messages.insert(plain)
            }
            let accountSid = account.sid, messageSid = message.sid
            let stored = try await storage.read { try await $0.messages.find(sid: messageSid, accountSid: accountSid) }
            #expect(stored == message)
            #expect(try await storage.read { try await $0.messages.find(sid: plain.sid, accountSid: accountSid) }?.mediaUrls == [])
            #expect(try await storage.read { try await $0.messages.find(providerMessageID: "wamid.ABC", accountSid: accountSid) } == nil)

            message.providerMessageID = "wamid.ABC"
            message.status = .sent
            try await storage.write { [message] in try await $0.messages.update(message) }
            let found = try await storage.read { try await $0.messages.find(providerMessageID: "wamid.ABC", accountSid: accountSid) }
            #expect(found == message)
            #expect(try await storage.read { try await $0.messages.find(providerMessageID: "wamid.ABC", accountSid: other.sid) } == nil)

            // Providers retry webhooks, so an account holds each provider id once; another account may hold it too.
            var again = DeliveryFixtures.message(accountSid: account.sid)
            again.providerMessageID = "wamid.ABC"
            await #expect(throws: (any Error).self) {
                try await storage.write { [again] in try await $0.messages.insert(again) }
            }
            var elsewhere = DeliveryFixtures.message(accountSid: other.sid)
            elsewhere.providerMessageID = "wamid.ABC"
            try await storage.write { [elsewhere] in try await $0.messages.insert(elsewhere) }
            let foundElsewhere = try await storage.read { try await $0.messages.find(providerMessageID: "wamid.ABC", accountSid: other.sid) }
            #expect(foundElsewhere == elsewhere)
        }
    }
}

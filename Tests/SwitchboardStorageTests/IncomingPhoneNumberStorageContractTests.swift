import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract of API 2010's IncomingPhoneNumbers and of webhook calls' fallback methods, on every backend.
@Suite struct IncomingPhoneNumberStorageContractTests {
    static let now = Fixtures.now

    static func number(_ accountSid: String, _ phoneNumber: String, name: String? = nil, smsUrl: String? = nil) -> IncomingPhoneNumber {
        IncomingPhoneNumber(
            sid: DeliveryFixtures.sid(.proxyPhoneNumber), accountSid: accountSid, phoneNumber: phoneNumber,
            friendlyName: name ?? IncomingPhoneNumberRules.defaultFriendlyName(phoneNumber), smsUrl: smsUrl, smsMethod: "GET",
            smsFallbackUrl: "https://backup.example.com/sms", statusCallback: "https://app.example.com/status", voiceCallerIdLookup: true,
            dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func aNumberIsFoundBySidAndByItsNumberWithinItsAccountOnly(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let number = Self.number(account.sid, "+14155550100", smsUrl: "https://app.example.com/sms")
            try await storage.write { try await $0.incomingPhoneNumbers.insert(number) }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.incomingPhoneNumbers.find(sid: number.sid, accountSid: account.sid) == number)
                #expect(try await session.incomingPhoneNumbers.find(phoneNumber: "+14155550100", accountSid: account.sid) == number)
                #expect(try await session.incomingPhoneNumbers.find(sid: number.sid, accountSid: other.sid) == nil)
                #expect(try await session.incomingPhoneNumbers.find(phoneNumber: "+14155550100", accountSid: other.sid) == nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anAccountHasEachNumberOnceWhileAnotherAccountMayHaveItToo(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let first = Self.number(account.sid, "+14155550100")
            try await storage.write { try await $0.incomingPhoneNumbers.insert(first) }
            await #expect(throws: (any Error).self) {
                try await storage.write { try await $0.incomingPhoneNumbers.insert(Self.number(account.sid, "+14155550100")) }
            }
            try await storage.write { try await $0.incomingPhoneNumbers.insert(Self.number(other.sid, "+14155550100")) }
        }
    }

    @Test(arguments: TestBackend.available)
    func listsFilterByDigitsWithWildcardsAndByExactFriendlyName(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let numbers = [Self.number(account.sid, "+14155550100", name: "support"), Self.number(account.sid, "+14155550199", name: "sales"),
                           Self.number(account.sid, "+442071838750", name: "support")]
            try await storage.write { session in
                for number in numbers { try await session.incomingPhoneNumbers.insert(number) }
            }
            let accountSid = account.sid
            func list(_ filter: IncomingPhoneNumberFilter) async throws -> [String] {
                try await storage.read { try await $0.incomingPhoneNumbers.list(accountSid: accountSid, filter: filter, page: PageRequest()) }
                    .items.map(\.phoneNumber)
            }
            #expect(try await list(IncomingPhoneNumberFilter()) == ["+14155550100", "+14155550199", "+442071838750"])
            #expect(try await list(IncomingPhoneNumberFilter(phoneNumber: "+1415")) == ["+14155550100", "+14155550199"])
            #expect(try await list(IncomingPhoneNumberFilter(phoneNumber: "55501*9")) == ["+14155550199"])
            #expect(try await list(IncomingPhoneNumberFilter(phoneNumber: "%")) == ["+14155550100", "+14155550199", "+442071838750"])
            #expect(try await list(IncomingPhoneNumberFilter(friendlyName: "support")) == ["+14155550100", "+442071838750"])
            #expect(try await list(IncomingPhoneNumberFilter(phoneNumber: "+44", friendlyName: "support")) == ["+442071838750"])
            let firstPage = try await storage.read {
                try await $0.incomingPhoneNumbers.list(accountSid: accountSid, filter: IncomingPhoneNumberFilter(), page: PageRequest(size: 2))
            }
            #expect(firstPage.items.count == 2)
            #expect(firstPage.next != nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func anUpdateIsReadBackAndADeleteIsScopedToTheAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage), other = try await DeliveryFixtures.storedAccount(in: storage)
            let number = Self.number(account.sid, "+14155550100")
            try await storage.write { try await $0.incomingPhoneNumbers.insert(number) }
            var changed = number
            changed.friendlyName = "renamed"
            changed.smsUrl = "https://app.example.com/sms"
            changed.smsFallbackMethod = "GET"
            changed.dateUpdated = Self.now.addingTimeInterval(60)
            let saved = changed
            try await storage.write { try await $0.incomingPhoneNumbers.update(saved) }
            let accountSid = account.sid
            #expect(try await storage.read { try await $0.incomingPhoneNumbers.find(sid: number.sid, accountSid: accountSid) } == saved)
            let renamed = try await storage.read {
                try await $0.incomingPhoneNumbers.list(accountSid: accountSid, filter: IncomingPhoneNumberFilter(friendlyName: "renamed"), page: PageRequest())
            }
            #expect(renamed.items == [saved])
            #expect(try await storage.write { try await $0.incomingPhoneNumbers.delete(sid: number.sid, accountSid: other.sid) } == false)
            #expect(try await storage.write { try await $0.incomingPhoneNumbers.delete(sid: number.sid, accountSid: accountSid) })
            #expect(try await storage.read { try await $0.incomingPhoneNumbers.find(phoneNumber: "+14155550100", accountSid: accountSid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aWebhookCallKeepsItsFallbackMethodAndACallWithoutOneReadsBackWithout(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let withMethod = DeliveryFixtures.entry(accountSid: account.sid, work: .webhook(WebhookCall(
                url: "https://app.example.com/sms", method: "POST", body: .form([FormPair("Body", "Hi")]), purpose: "incoming-message",
                fallbackUrl: "https://backup.example.com/sms", fallbackMethod: "GET")))
            let without = DeliveryFixtures.entry(accountSid: account.sid, work: .webhook(WebhookCall(
                url: "https://app.example.com/status", body: .form([]), purpose: "message-status", fallbackUrl: "https://backup.example.com/status")))
            try await storage.write { session in
                try await session.outbox.enqueue(withMethod)
                try await session.outbox.enqueue(without)
            }
            #expect(try await storage.read { try await $0.outbox.find(sid: withMethod.sid) } == withMethod)
            #expect(try await storage.read { try await $0.outbox.find(sid: without.sid) } == without)
        }
    }
}

import Foundation
import Logging
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// Mail handed to the drop: taken only for email senders, stored once per sender with its subject, and refused
/// whole when malformed.
@Suite struct EmailInboundTests {
    static func sender(_ harness: DeliveryHarness, _ address: String, channel: DeliveryChannel = .email) -> Sender {
        Sender(
            sid: harness.sids.make(.sender), accountSid: harness.account.sid, address: address, channel: channel,
            connector: channel == .email ? .smtp : .twilio, friendlyName: nil, messagesPerSecond: nil,
            settings: channel == .email ? ["host": "127.0.0.1"] : ["account_sid": "ACx"], sealedSecrets: [:],
            dateCreated: harness.clock.now(), dateUpdated: harness.clock.now())
    }

    static func drop(_ harness: DeliveryHarness) -> EmailInbound {
        EmailInbound(storage: harness.storage, inbound: InboundMessages(storage: harness.storage, time: harness.clock, sids: harness.sids, routes: []),
                     logger: DeliveryHarness.quietLogger)
    }

    static let mail = Array("""
        From: Ada <ada@example.org>\r
        Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r
        Message-ID: <m1@example.org>\r
        \r
        Hello there\r

        """.utf8)

    @Test func mailForAnEmailSenderIsStoredOnceWithItsSubject() async throws {
        try await DeliveryHarness.run { harness in
            try await harness.storage.write { [harness] session in
                try await session.senders.insert(Self.sender(harness, "support@example.com"))
            }
            let drop = Self.drop(harness)
            #expect(try await drop.accepts(recipient: "support@EXAMPLE.com"))
            #expect(try await !drop.accepts(recipient: "sales@example.com"))
            #expect(try await !drop.accepts(recipient: "not an address"))
            #expect(await drop.deliver(Self.mail, envelopeFrom: "bounce@example.org", recipients: ["support@example.com"]).code == 250)
            #expect(await drop.deliver(Self.mail, envelopeFrom: "bounce@example.org", recipients: ["support@example.com"]).code == 250)
            let accountSid = harness.account.sid
            let stored = try await harness.storage.read { try await $0.messages.find(providerMessageID: "m1@example.org", accountSid: accountSid) }
            let message = try #require(stored)
            #expect((message.channel, message.from, message.to, message.body, message.subject) == (.email, "ada@example.org", "support@example.com", "Hello there", "Grüße"))
            #expect(message.direction == .inbound)
        }
    }

    @Test func oneMailToTwoOfAnAccountsAddressesIsAMessageForEach() async throws {
        try await DeliveryHarness.run { harness in
            try await harness.storage.write { [harness] session in
                try await session.senders.insert(Self.sender(harness, "support@example.com"))
                try await session.senders.insert(Self.sender(harness, "billing@example.com"))
            }
            let drop = Self.drop(harness)
            let both = ["support@example.com", "billing@example.com"]
            #expect(await drop.deliver(Self.mail, envelopeFrom: "", recipients: both).code == 250)
            #expect(await drop.deliver(Self.mail, envelopeFrom: "", recipients: both).code == 250)
            let accountSid = harness.account.sid
            let page = try await harness.storage.read { try await $0.messages.list(accountSid: accountSid, filter: MessageFilter(), page: PageRequest()) }
            #expect(Set(page.items.map(\.to)) == Set(both))
            #expect(page.items.count == 2)
        }
    }

    @Test func malformedMailAndAnInvalidAuthorStoreNothing() async throws {
        try await DeliveryHarness.run { harness in
            try await harness.storage.write { [harness] session in
                try await session.senders.insert(Self.sender(harness, "support@example.com"))
            }
            let drop = Self.drop(harness)
            let broken = Array("From: ada@example.org\r\nContent-Type: multipart/mixed\r\n\r\nbody\r\n".utf8)
            let refused = await drop.deliver(broken, envelopeFrom: "", recipients: ["support@example.com"])
            #expect(refused.code == 554)
            #expect(refused.lines.first?.contains("without a boundary") == true)
            let nobody = Array("From: not-an-address@\r\n\r\nhi\r\n".utf8)
            #expect(await drop.deliver(nobody, envelopeFrom: "", recipients: ["support@example.com"]).code == 550)
            let accountSid = harness.account.sid
            let page = try await harness.storage.read { try await $0.messages.list(accountSid: accountSid, filter: MessageFilter(), page: PageRequest()) }
            #expect(page.items.isEmpty)
        }
    }

    @Test func anSMSSenderAtTheSameTextIsNoMailbox() async throws {
        try await DeliveryHarness.run { harness in
            try await harness.storage.write { [harness] session in
                try await session.senders.insert(Self.sender(harness, "+18005555555", channel: .sms))
            }
            #expect(try await !Self.drop(harness).accepts(recipient: "+18005555555"))
        }
    }
}

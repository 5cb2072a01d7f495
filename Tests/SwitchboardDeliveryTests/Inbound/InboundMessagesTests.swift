import Foundation
import Synchronization
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// The routes' offers, in the order they were made.
final class OfferLog: Sendable {
    private let offers = Mutex<[String]>([])

    var all: [String] { offers.withLock { $0 } }

    func append(_ offer: String) { offers.withLock { $0.append(offer) } }
}

/// A route that notes each offer in a shared log, checks it can see the stored message, and takes it or not.
struct RecordingRoute: InboundMessageRoute {
    struct Refusal: Error {}

    let name: String
    let takes: Bool
    var throwsInstead = false
    let log: OfferLog

    func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool {
        let stored = try await session.messages.find(sid: message.sid, accountSid: message.accountSid)
        log.append(stored == message ? name : name + " (not stored)")
        if throwsInstead { throw Refusal() }
        return takes
    }
}

/// A route that takes every message and notes the `From` it was offered.
struct AuthorRoute: InboundMessageRoute {
    let log: OfferLog

    func route(_ message: Message, in session: any StorageSession, now: Date) async throws -> Bool {
        log.append(message.from)
        return true
    }
}

@Suite struct InboundMessagesTests {
    let log = OfferLog()

    func inbound(_ harness: DeliveryHarness, routes: [any InboundMessageRoute]) -> InboundMessages {
        InboundMessages(storage: harness.storage, time: harness.clock, sids: harness.sids, routes: routes)
    }

    @Test func aReceivedMessageIsStoredAndOfferedToTheRoutesInOrderUntilOneTakesIt() async throws {
        try await DeliveryHarness.run { harness in
            let routes = [RecordingRoute(name: "proxy", takes: false, log: log), RecordingRoute(name: "conversations", takes: true, log: log),
                          RecordingRoute(name: "fallback", takes: true, log: log)]
            let customer = try InboundMessage(channel: .sms, from: "+1 (415) 555-0100", to: "+1 415 555 0199", body: "Where is my order?")
            let message = try await inbound(harness, routes: routes).receive(customer, accountSid: harness.account.sid)
            #expect(log.all == ["proxy", "conversations"])
            #expect(try await harness.message(message.sid) == message)
            #expect(message.status == .received)
            #expect(message.direction == .inbound)
            #expect(message.origin == "inbound")
            #expect(message.from == "+14155550100")
            #expect(message.to == "+14155550199")
            #expect(message.dateCreated == harness.clock.now())
        }
    }

    @Test func aMessageNoRouteTakesIsStillStored() async throws {
        try await DeliveryHarness.run { harness in
            let routes = [RecordingRoute(name: "proxy", takes: false, log: log), RecordingRoute(name: "conversations", takes: false, log: log)]
            let customer = try InboundMessage(channel: .whatsapp, from: "+14155550100", to: "whatsapp:+14155550199", body: "Hi")
            let message = try await inbound(harness, routes: routes).receive(customer, accountSid: harness.account.sid)
            #expect(log.all == ["proxy", "conversations"])
            #expect(try await harness.message(message.sid)?.from == "whatsapp:+14155550100")
        }
    }

    @Test func aRouteThatFailsLeavesTheMessageUnstored() async throws {
        try await DeliveryHarness.run { harness in
            let routes = [RecordingRoute(name: "proxy", takes: false, throwsInstead: true, log: log)]
            let customer = try InboundMessage(channel: .sms, from: "+14155550100", to: "+14155550199", body: "Hi")
            await #expect(throws: RecordingRoute.Refusal.self) {
                _ = try await inbound(harness, routes: routes).receive(customer, accountSid: harness.account.sid)
            }
            let accountSid = harness.account.sid
            let stored = try await harness.storage.read { try await $0.messages.list(accountSid: accountSid, filter: MessageFilter(), page: PageRequest()) }
            #expect(stored.items.isEmpty)
        }
    }

    /// An agent's mail from `sender` to `customer`, sent, with the provider id `messageID`.
    func sentMail(_ harness: DeliveryHarness, from sender: String, to customer: String, messageID: String) async throws {
        let now = harness.clock.now()
        let mail = Message(
            sid: harness.sids.make(.message), accountSid: harness.account.sid, channel: .email, direction: .outboundAPI,
            from: sender, to: customer, body: "Your invoice", providerMessageID: messageID, status: .sent, dateCreated: now, dateUpdated: now)
        try await harness.storage.write { try await $0.messages.insert(mail) }
    }

    @Test func aReplyFromAnotherAddressIsRoutedAsTheAddressTheAnsweredMailWentTo() async throws {
        try await DeliveryHarness.run { harness in
            try await sentMail(harness, from: "desk@shop.example", to: "ada@example.org", messageID: "SM1@shop.example")
            let reply = try InboundMessage(
                channel: .email, from: "ada@work.example", to: "desk@shop.example", body: "Thanks",
                providerMessageID: "r1@work.example", answers: ["unknown@elsewhere.example", "SM1@shop.example"])
            let message = try await inbound(harness, routes: [AuthorRoute(log: log)]).receive(reply, accountSid: harness.account.sid)
            #expect(log.all == ["ada@example.org"])
            #expect(message.from == "ada@work.example")
            #expect(try await harness.message(message.sid)?.from == "ada@work.example")
        }
    }

    @Test func aReplyNamingNoMailThisSenderWroteIsRoutedAsItsOwnAuthor() async throws {
        try await DeliveryHarness.run { harness in
            try await sentMail(harness, from: "other@shop.example", to: "ada@example.org", messageID: "SM2@shop.example")
            let reply = try InboundMessage(
                channel: .email, from: "ada@work.example", to: "desk@shop.example", body: "Thanks", answers: ["SM2@shop.example", "SM3@shop.example"])
            _ = try await inbound(harness, routes: [AuthorRoute(log: log)]).receive(reply, accountSid: harness.account.sid)
            #expect(log.all == ["ada@work.example"])
        }
    }
}

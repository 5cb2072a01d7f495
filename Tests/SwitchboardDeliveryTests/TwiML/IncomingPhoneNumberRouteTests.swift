import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// A customer's SMS to a number with an `SmsUrl`: posted there through the outbox, and the TwiML answer carried out.
@Suite struct IncomingPhoneNumberRouteTests {
    static let customer = "+14155550100"
    static let business = "+14155550199"
    static let smsUrl = "https://app.example.com/sms/incoming"

    static func answer(_ status: Int, _ body: String = "") -> WebhookResult {
        .attempted(.response(status: status), body: Array(body.utf8))
    }

    /// Stores the business number for the harness's account.
    @discardableResult
    static func storeNumber(_ harness: DeliveryHarness, smsUrl: String? = smsUrl, fallbackUrl: String? = nil,
                            fallbackMethod: String = "POST") async throws -> IncomingPhoneNumber {
        let number = IncomingPhoneNumber(
            sid: harness.sids.make(.proxyPhoneNumber), accountSid: harness.account.sid, phoneNumber: business, friendlyName: "support",
            smsUrl: smsUrl, smsFallbackUrl: fallbackUrl, smsFallbackMethod: fallbackMethod, dateCreated: harness.clock.now(),
            dateUpdated: harness.clock.now())
        try await harness.storage.write { try await $0.incomingPhoneNumbers.insert(number) }
        return number
    }

    static func inbound(_ harness: DeliveryHarness, log: OfferLog) -> InboundMessages {
        InboundMessages(storage: harness.storage, time: harness.clock, sids: harness.sids,
                        routes: [IncomingPhoneNumberRoute(sids: harness.sids), RecordingRoute(name: "conversations", takes: true, log: log)])
    }

    static func receive(_ harness: DeliveryHarness, body: String = "Where is my order?", channel: DeliveryChannel = .sms,
                        log: OfferLog = OfferLog()) async throws -> Message {
        let to = channel == .whatsapp ? "whatsapp:" + business : business
        return try await inbound(harness, log: log).receive(
            try InboundMessage(channel: channel, from: customer, to: to, body: body), accountSid: harness.account.sid)
    }

    static func reader(_ harness: DeliveryHarness) -> IncomingMessageAnswerReader {
        IncomingMessageAnswerReader(storage: harness.storage, sids: harness.sids, time: harness.clock, logger: DeliveryHarness.quietLogger)
    }

    static func incomingCalls(_ harness: DeliveryHarness, _ status: OutboxStatus = .pending) async throws -> [(OutboxEntry, WebhookCall)] {
        try await harness.entries(status).compactMap { entry in
            guard case .webhook(let call) = entry.work, call.purpose == IncomingPhoneNumberRoute.purpose else { return nil }
            return (entry, call)
        }
    }

    static func replies(_ harness: DeliveryHarness) async throws -> [Message] {
        let accountSid = harness.account.sid
        return try await harness.storage.read {
            try await $0.messages.list(accountSid: accountSid, filter: MessageFilter(to: customer), page: PageRequest())
        }.items
    }

    @Test func aMessageToANumberWithAnSmsUrlIsPostedThereWithTwiliosParametersAndGoesNoFurther() async throws {
        try await DeliveryHarness.run { harness in
            try await Self.storeNumber(harness, fallbackUrl: "https://backup.example.com/sms", fallbackMethod: "GET")
            let log = OfferLog()
            let message = try await Self.receive(harness, log: log)
            #expect(log.all.isEmpty)
            let (_, call) = try #require(try await Self.incomingCalls(harness).first)
            #expect(call.url == Self.smsUrl)
            #expect(call.method == "POST")
            #expect(call.fallbackUrl == "https://backup.example.com/sms")
            #expect(call.fallbackMethod == "GET")
            guard case .form(let pairs) = call.body else { Issue.record("not a form"); return }
            let form = Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            #expect(form["MessageSid"] == message.sid)
            #expect(form["SmsSid"] == message.sid)
            #expect(form["SmsMessageSid"] == message.sid)
            #expect(form["AccountSid"] == harness.account.sid)
            #expect(form["From"] == Self.customer)
            #expect(form["To"] == Self.business)
            #expect(form["Body"] == "Where is my order?")
            #expect(form["NumMedia"] == "0")
            #expect(form["NumSegments"] == "1")
            #expect(form["SmsStatus"] == "received")
            #expect(form["ApiVersion"] == "2010-04-01")
            #expect(form["MessagingServiceSid"] == nil)
            #expect(form["FromCity"] == "")
        }
    }

    @Test func aNumberWithoutSmsUrlOrAnUnknownNumberKeepsTodaysThreading() async throws {
        try await DeliveryHarness.run { harness in
            let log = OfferLog()
            _ = try await Self.receive(harness, log: log)
            try await Self.storeNumber(harness, smsUrl: nil)
            _ = try await Self.receive(harness, log: log)
            _ = try await Self.receive(harness, channel: .whatsapp, log: log)
            #expect(log.all == ["conversations", "conversations", "conversations"])
            #expect(try await Self.incomingCalls(harness).isEmpty)
        }
    }

    @Test func aWhatsAppMessageToTheNumberIsPostedToItsSmsUrlWithWhatsAppAddresses() async throws {
        try await DeliveryHarness.run { harness in
            try await Self.storeNumber(harness)
            let log = OfferLog()
            _ = try await Self.receive(harness, channel: .whatsapp, log: log)
            #expect(log.all.isEmpty)
            let (_, call) = try #require(try await Self.incomingCalls(harness).first)
            guard case .form(let pairs) = call.body else { Issue.record("not a form"); return }
            #expect(pairs.first { $0.name == "From" }?.value == "whatsapp:" + Self.customer)
            #expect(pairs.first { $0.name == "To" }?.value == "whatsapp:" + Self.business)
        }
    }

    @Test func aTwiMLMessageIsSentAsAReplyFromTheNumberToTheCustomerOnceHoweverOftenTheAnswerIsRead() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(200, "<Response><Message>Thanks, we are on it</Message></Response>")]) { harness in
            let number = try await Self.storeNumber(harness)
            _ = try await Self.receive(harness)
            let reader = Self.reader(harness)
            let (entry, call) = try #require(try await Self.incomingCalls(harness).first)
            try await harness.redeliver(entry.sid, with: harness.dispatcher(answerReaders: [reader]))
            // A crash between reading the answer and settling the entry reads it again.
            try await reader.read(Array("<Response><Message>Thanks, we are on it</Message></Response>".utf8), answering: call,
                                  answeredBy: call.url, entry: entry)
            let replies = try await Self.replies(harness)
            #expect(replies.count == 1)
            let reply = try #require(replies.first)
            #expect(reply.from == Self.business)
            #expect(reply.body == "Thanks, we are on it")
            #expect(reply.direction == .outboundReply)
            #expect(reply.status == .queued)
            #expect(reply.origin == number.sid)
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            #expect(try await harness.entries(.pending).contains { $0.work == .message(sid: reply.sid) })
        }
    }

    @Test func aRedirectIsANewCallOfTheSamePurposeWithTheSameParametersToTheURLResolvedAgainstTheAnsweringOne() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(500), Self.answer(200, #"<Response><Redirect method="GET">next?step=2</Redirect></Response>"#)]) { harness in
            try await Self.storeNumber(harness, fallbackUrl: "https://backup.example.com/sms/fallback")
            _ = try await Self.receive(harness)
            let (entry, call) = try #require(try await Self.incomingCalls(harness).first)
            try await harness.redeliver(entry.sid, with: harness.dispatcher(answerReaders: [Self.reader(harness)]))
            let (next, redirect) = try #require(try await Self.incomingCalls(harness).first)
            #expect(redirect.url == "https://backup.example.com/sms/next?step=2")
            #expect(redirect.method == "GET")
            #expect(redirect.body == call.body)
            #expect(redirect.fallbackUrl == nil)
            #expect(next.orderingKey == entry.orderingKey)
        }
    }

    @Test func theFallbackIsRequestedWithItsOwnMethodAndTheDispatcherSignsEach() async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(500), Self.answer(200, "<Response/>")]) { harness in
            try await Self.storeNumber(harness, fallbackUrl: "https://backup.example.com/sms", fallbackMethod: "GET")
            _ = try await Self.receive(harness)
            let (entry, _) = try #require(try await Self.incomingCalls(harness).first)
            try await harness.redeliver(entry.sid, with: harness.dispatcher(answerReaders: [Self.reader(harness)]))
            let requests = harness.webhooks.requests
            #expect(requests.map(\.method) == ["POST", "GET"])
            #expect(requests.last?.url.hasPrefix("https://backup.example.com/sms?") == true)
            #expect(requests.allSatisfy { $0.header("X-Twilio-Signature") != nil })
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
        }
    }

    @Test func aChainOfRedirectsEndsAtTheLimit() async throws {
        let loop = #"<Response><Redirect>https://app.example.com/again</Redirect></Response>"#
        try await DeliveryHarness.run(webhooks: Array(repeating: Self.answer(200, loop), count: 20)) { harness in
            try await Self.storeNumber(harness)
            _ = try await Self.receive(harness)
            let dispatcher = harness.dispatcher(answerReaders: [Self.reader(harness)])
            var followed = 0
            while let next = try await Self.incomingCalls(harness).first {
                try await harness.redeliver(next.0.sid, with: dispatcher)
                followed += 1
                if followed > 20 { break }
            }
            #expect(followed == IncomingMessageAnswerReader.redirectLimit + 1)
            #expect(harness.webhooks.requests.count == IncomingMessageAnswerReader.redirectLimit + 1)
        }
    }

    @Test(arguments: ["<Response/>", "", "not TwiML at all", #"<Response><Message to="nobody">Hi</Message></Response>"#])
    func anEmptyOrUnreadableAnswerSendsNothingAndIsNotAskedAgain(_ answer: String) async throws {
        try await DeliveryHarness.run(webhooks: [Self.answer(200, answer)]) { harness in
            try await Self.storeNumber(harness)
            _ = try await Self.receive(harness)
            let (entry, _) = try #require(try await Self.incomingCalls(harness).first)
            try await harness.redeliver(entry.sid, with: harness.dispatcher(answerReaders: [Self.reader(harness)]))
            #expect(try await Self.replies(harness).isEmpty)
            #expect(try await harness.entry(entry.sid)?.status == .delivered)
            #expect(try await Self.incomingCalls(harness).isEmpty)
        }
    }

    @Test func messageAttributesChooseTheAddressesAndActionBecomesTheStatusCallback() async throws {
        let twiml = #"<Response><Message to="+14155550111" from="+14155550199" action="https://app.example.com/status"><Body>Forwarded</Body></Message></Response>"#
        try await DeliveryHarness.run(webhooks: [Self.answer(200, twiml)]) { harness in
            try await Self.storeNumber(harness)
            _ = try await Self.receive(harness)
            let (entry, _) = try #require(try await Self.incomingCalls(harness).first)
            try await harness.redeliver(entry.sid, with: harness.dispatcher(answerReaders: [Self.reader(harness)]))
            let accountSid = harness.account.sid
            let sent = try await harness.storage.read {
                try await $0.messages.list(accountSid: accountSid, filter: MessageFilter(to: "+14155550111"), page: PageRequest())
            }.items
            #expect(sent.map(\.body) == ["Forwarded"])
            #expect(sent.first?.statusCallback == "https://app.example.com/status")
        }
    }
}

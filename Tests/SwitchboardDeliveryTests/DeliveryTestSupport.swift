import Foundation
import Logging
import Synchronization
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// One clock for the dispatcher's milliseconds and the dates everything else stamps, moved only by the test.
final class TestClock: TimeSource {
    private let current: Mutex<Int64>

    init(milliseconds: Int64) {
        current = Mutex(milliseconds)
    }

    var milliseconds: Int64 { current.withLock { $0 } }

    /// Whole seconds, as `SystemTimeSource` gives them.
    func now() -> Date { Date(timeIntervalSince1970: Double(milliseconds / 1000)) }

    func advance(by duration: Duration) {
        let step = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        current.withLock { $0 += step }
    }
}

/// A webhook transport that records each request and answers with the next result of its script, then 200.
final class ScriptedWebhookTransport: WebhookTransport {
    private let state: Mutex<(script: [WebhookResult], requests: [WebhookRequest])>

    init(_ script: [WebhookResult] = []) {
        state = Mutex((script, []))
    }

    var requests: [WebhookRequest] { state.withLock { $0.requests } }

    func send(_ request: WebhookRequest) async -> WebhookResult {
        state.withLock { state in
            state.requests.append(request)
            return state.script.isEmpty ? .attempted(.response(status: 200)) : state.script.removeFirst()
        }
    }
}

/// A connector for SMS that records what it is asked to send and answers from its script: a receipt, or an error.
final class ScriptedConnector: ChannelConnector {
    private let state: Mutex<(script: [Result<ConnectorReceipt, ConnectorUnavailable>], sent: [Message])>

    init(_ script: [Result<ConnectorReceipt, ConnectorUnavailable>]) {
        state = Mutex((script, []))
    }

    var sent: [Message] { state.withLock { $0.sent } }

    var channels: Set<DeliveryChannel> { [.sms] }

    func send(_ message: Message) async throws -> ConnectorReceipt {
        let next = state.withLock { state in
            state.sent.append(message)
            return state.script.isEmpty ? .failure(ConnectorUnavailable("script ran out")) : state.script.removeFirst()
        }
        return try next.get()
    }

    func inboundMessage(from request: ProviderRequest) throws(TwilioError) -> InboundMessage {
        throw .invalidParameter("the scripted connector takes no inbound messages")
    }
}

/// A migrated in-memory database with one account, a test clock and a scripted webhook transport.
struct DeliveryHarness {
    static let start: Int64 = 1_700_000_000_000
    /// Waits of up to 1 s, 2 s, 4 s, capped at 8 s, for up to a minute.
    static let retryPolicy = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(8), totalTime: .seconds(60))
    static let statusCallback = "https://hooks.example.com/status"

    let storage: SQLStorage
    let clock: TestClock
    let account: Account
    let webhooks: ScriptedWebhookTransport
    let sids = RandomSidGenerator()

    /// Runs `body` with a fresh harness, then closes its database.
    static func run(webhooks script: [WebhookResult] = [], _ body: (DeliveryHarness) async throws -> Void) async throws {
        let storage = try SQLStorage(location: .sqliteMemory, logger: quietLogger)
        do {
            try await storage.migrate()
            let clock = TestClock(milliseconds: start)
            let sid = RandomSidGenerator().make(.account)
            let account = Account(sid: sid, ownerAccountSid: sid, friendlyName: "main", status: .active, type: .full,
                                  authToken: Secrets.makeAuthToken(), dateCreated: clock.now(), dateUpdated: clock.now())
            try await storage.write { try await $0.accounts.insert(account) }
            try await body(DeliveryHarness(storage: storage, clock: clock, account: account, webhooks: ScriptedWebhookTransport(script)))
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// A dispatcher on this harness's clock; the sandbox delivers every channel unless other connectors are given.
    func dispatcher(
        connectors: [any ChannelConnector]? = nil, retryPolicy: RetryPolicy = DeliveryHarness.retryPolicy,
        answerReaders: [any WebhookAnswerReader] = [], senders: SenderDirectory? = nil
    ) -> OutboxDispatcher {
        let clock = self.clock
        return OutboxDispatcher(
            storage: storage, connectors: ConnectorDirectory(connectors ?? [SandboxConnector(storage: storage, time: clock)]),
            webhooks: webhooks, sids: sids, time: clock, doorbell: OutboxDoorbell(),
            settings: DispatcherSettings(retryPolicy: retryPolicy), logger: Self.quietLogger, answerReaders: answerReaders,
            senders: senders, milliseconds: { clock.milliseconds })
    }

    /// Queues a webhook call and returns its entry.
    func enqueue(_ call: WebhookCall) async throws -> OutboxEntry {
        let entry = OutboxEntry.due(.webhook(call), sid: sids.make(.outboxEntry), accountSid: account.sid, now: clock.now())
        try await storage.write { try await $0.outbox.enqueue(entry) }
        return entry
    }

    /// Sends an SMS the way the API does and returns the queued message.
    func queueMessage(to: String = "+14155550100", status: MessageStatus = .queued) async throws -> Message {
        let now = clock.now()
        var message = try MessageRules.makeOutbound(
            MessageRequest(to: to, from: to.hasPrefix("whatsapp:") ? "whatsapp:+14155550199" : "+14155550199",
                           body: "Your order has shipped", statusCallback: Self.statusCallback),
            sid: sids.make(.message), accountSid: account.sid, now: now)
        message.status = status
        let queued = message
        let sids = self.sids
        try await storage.write { try await OutboundMessages.queue(queued, in: $0, sids: sids, now: now) }
        return message
    }

    /// Claims what is due now and makes one attempt at each.
    @discardableResult
    func deliverDue(with dispatcher: OutboxDispatcher) async -> [OutboxEntry] {
        let claimed = await dispatcher.claim(limit: 100)
        for entry in claimed { await dispatcher.deliver(entry) }
        return claimed.map(\.entry)
    }

    /// Makes the next attempt at the entry `sid` without claiming whatever else is due, such as status callbacks.
    func redeliver(_ sid: String, with dispatcher: OutboxDispatcher) async throws {
        try await dispatcher.deliverNow(try #require(try await entry(sid)))
    }

    func entry(_ sid: String) async throws -> OutboxEntry? {
        try await storage.read { try await $0.outbox.find(sid: sid) }
    }

    func message(_ sid: String) async throws -> Message? {
        let accountSid = account.sid
        return try await storage.read { try await $0.messages.find(sid: sid, accountSid: accountSid) }
    }

    /// The account's outbox entries in `status`, oldest first.
    func entries(_ status: OutboxStatus) async throws -> [OutboxEntry] {
        let accountSid = account.sid
        return try await storage.read { try await $0.outbox.list(accountSid: accountSid, status: status, page: PageRequest()) }.items
    }

    /// The form parameters of the queued status callbacks, oldest first.
    func statusCallbacks() async throws -> [[FormPair]] {
        try await entries(.pending).compactMap { entry in
            guard case .webhook(let call) = entry.work, call.purpose == "message-status", call.url == Self.statusCallback,
                  case .form(let pairs) = call.body
            else { return nil }
            return pairs
        }
    }

    /// The `MessageStatus` of each queued status callback, oldest first.
    func statusCallbackStatuses() async throws -> [String] {
        try await statusCallbacks().map { pairs in pairs.first { $0.name == "MessageStatus" }?.value ?? "" }
    }
}

public import Foundation
public import Logging
import Metrics
public import ServiceLifecycle
public import SwitchboardCore
public import SwitchboardStorage

/// Delivers the outbox at least once: messages through their channel's connector, webhooks over HTTP. Retries
/// network failures, 5xx, 408 and 429 with exponential backoff and jitter within a bounded time; gives up at once on
/// any other 4xx; keeps what failed for good, with the reason. Runs inside `serve`.
public final class OutboxDispatcher: Service {
    let storage: any Storage
    let connectors: ConnectorDirectory
    let webhooks: any WebhookTransport
    let ledger: MessageStatusLedger
    let time: any TimeSource
    let doorbell: OutboxDoorbell
    let settings: DispatcherSettings
    let logger: Logger
    let milliseconds: @Sendable () -> Int64
    /// The readers of answers, by the purpose of the calls they answer.
    let answerReaders: [String: any WebhookAnswerReader]
    /// The provider connectors that deliver for senders; a message from no sender goes to `connectors`.
    let senders: SenderDirectory?
    /// Each paced sender's `MessagesPerSecond`.
    let pace = SenderPace()

    /// Creates a dispatcher; `milliseconds` is the wall clock retries are scheduled by; `answerReaders` act on
    /// the answers to calls of their purpose; `senders` deliver the messages sent from their addresses.
    public init(
        storage: any Storage, connectors: ConnectorDirectory, webhooks: any WebhookTransport, sids: any SidGenerator,
        time: any TimeSource, doorbell: OutboxDoorbell, settings: DispatcherSettings, logger: Logger,
        answerReaders: [any WebhookAnswerReader] = [], senders: SenderDirectory? = nil,
        milliseconds: @escaping @Sendable () -> Int64 = { OutboxClock.milliseconds(Date()) }
    ) {
        self.storage = storage
        self.connectors = connectors
        self.senders = senders
        self.webhooks = webhooks
        self.answerReaders = Dictionary(answerReaders.map { ($0.purpose, $0) }, uniquingKeysWith: { first, _ in first })
        self.ledger = MessageStatusLedger(sids: sids)
        self.time = time
        self.doorbell = doorbell
        self.settings = settings
        self.logger = logger
        self.milliseconds = milliseconds
    }

    public func run() async throws {
        if settings.releaseLeasesAtStart {
            let released = try await storage.write { try await $0.outbox.releaseAllLeases() }
            if released > 0 { logger.notice("Outbox: resuming deliveries a previous run had in hand", metadata: ["entries": "\(released)"]) }
        }
        let doorbell = self.doorbell
        // On shutdown, stop taking work and let deliveries in flight finish; an unfinished one stays in the outbox.
        await withGracefulShutdownHandler {
            await self.dispatchUntilShutdown()
        } onGracefulShutdown: {
            doorbell.ring()
        }
    }

    /// Keeps up to `concurrency` deliveries in flight, claiming more as they finish or as the doorbell rings.
    func dispatchUntilShutdown() async {
        await withTaskGroup(of: Bool.self) { group in
            var inFlight = 0
            var waiting = false
            // The last claim found less than it asked for, and no ring or poll tick came since: claiming again as a
            // delivery finishes would find nothing, at the cost of a unit of work in the writer's queue.
            var drained = false
            var nextPurge = milliseconds()
            // Cancellation ends the loop too: a service group cancels its services when another one fails (the
            // HTTP server could not bind its port), and a loop that waited only for graceful shutdown kept the
            // process alive, deaf to SIGTERM.
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                if milliseconds() >= nextPurge {
                    await purgeDelivered()
                    nextPurge = milliseconds() + settings.purgeInterval.wholeMilliseconds
                }
                let free = settings.concurrency - inFlight
                var claimed: [ClaimedEntry] = []
                if free > 0, !drained {
                    claimed = await claim(limit: free)
                    drained = claimed.count < free
                }
                for entry in claimed {
                    inFlight += 1
                    group.addTask { await self.deliver(entry); return true }
                }
                if free > 0, claimed.count == free { continue }
                if !waiting, claimed.count < free {
                    waiting = true
                    let interval = settings.pollInterval
                    group.addTask { await self.doorbell.wait(timeout: interval); return false }
                }
                guard let finishedDelivery = await group.next() else { continue }
                if finishedDelivery {
                    inFlight -= 1
                } else {
                    waiting = false
                    drained = false
                }
            }
            doorbell.ring()
            await group.waitForAll()
        }
    }

    /// Leases up to `limit` due entries and, in the same unit of work, marks their messages `sending`: one unit of
    /// work for a whole batch, where each message used to take one of its own.
    func claim(limit: Int) async -> [ClaimedEntry] {
        let now = milliseconds()
        let leaseUntil = now + settings.lease.wholeMilliseconds
        do {
            return try await storage.write { session in
                try await self.prepare(try await session.outbox.claimDue(now: now, leaseUntil: leaseUntil, limit: limit), in: session)
            }
        } catch {
            logger.error("Outbox: could not claim due work", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Delivered entries deleted per transaction, and transactions per purge: a long history is cut down over
    /// several passes rather than holding up claims.
    static let purgeBatch = 1_000
    static let purgeBatchesPerPass = 10

    /// Deletes the delivered entries past their retention.
    func purgeDelivered() async {
        let cutoff = milliseconds() - settings.deliveredRetention.wholeMilliseconds
        do {
            for _ in 0..<Self.purgeBatchesPerPass {
                let purged = try await storage.write { try await $0.outbox.purgeDelivered(before: cutoff, limit: Self.purgeBatch) }
                if purged < Self.purgeBatch { break }
            }
        } catch {
            logger.error("Outbox: could not purge delivered entries", metadata: ["error": "\(error)"])
        }
    }

    /// Marks the messages of `entries` `sending` and finds their senders, in the caller's unit of work.
    func prepare(_ entries: [OutboxEntry], in session: any StorageSession) async throws -> [ClaimedEntry] {
        let date = time.now()
        var claimed: [ClaimedEntry] = []
        for entry in entries {
            guard case .message(let sid) = entry.work else {
                claimed.append(ClaimedEntry(entry: entry))
                continue
            }
            let message = try await ledger.apply(MessageStatusReport(.sending), toMessage: sid, in: session, now: date)
            var sender: Sender?
            if senders != nil, let message, message.channel != .chat {
                sender = try await session.senders.find(address: message.from, accountSid: message.accountSid)
            }
            claimed.append(ClaimedEntry(entry: entry, message: message, sender: sender))
        }
        return claimed
    }

    /// Makes one attempt at `entry` now, prepared as a claim would, whether or not it is due or leased.
    func deliverNow(_ entry: OutboxEntry) async throws {
        for claimed in try await storage.write({ session in try await self.prepare([entry], in: session) }) {
            await deliver(claimed)
        }
    }

    /// Makes one attempt at a claimed entry and records how it went.
    func deliver(_ claimed: ClaimedEntry) async {
        let started = milliseconds()
        let entry = claimed.entry
        do {
            switch entry.work {
            case .message(let sid): try await deliverMessage(entry, sid: sid, message: claimed.message, sender: claimed.sender, started: started)
            case .webhook(let call): try await deliverWebhook(entry, call: call, started: started)
            }
        } catch {
            // A database failure mid-delivery: try again later, as for any transient failure.
            logger.error("Outbox: delivery failed", metadata: ["entry": "\(entry.sid)", "error": "\(error)"])
            try? await settle(entry, started: started, .retry("internal error: \(error)"), via: entry.work.kind)
        }
    }

    /// Sends a message the claim marked `sending` (`nil` when it is gone), through its sender's provider if it
    /// has one.
    func deliverMessage(_ entry: OutboxEntry, sid: String, message: Message?, sender: Sender?, started: Int64) async throws {
        let ledger = self.ledger
        // Gone, or already past sending (a previous run sent it and died before recording the entry): nothing to do.
        guard let message, message.status == .sending else {
            return try await settle(entry, started: started, .delivered, via: message?.channel.rawValue ?? "unknown")
        }
        if let sender, let senders { return try await deliver(entry, message: message, from: sender, through: senders, started: started) }
        let channel = message.channel.rawValue
        guard let connector = connectors.connector(for: message.channel) else {
            return try await settle(entry, started: started, .giveUp("no connector delivers \(channel)"), via: channel,
                                    then: failing(sid, code: 30008))
        }
        let receipt: ConnectorReceipt
        do {
            receipt = try await connector.send(message)
        } catch {
            return try await settle(entry, started: started, .retry("connector: \(error)"), via: channel, then: failing(sid, code: 30008))
        }
        try await settle(entry, started: started, .delivered, via: channel) { session, now in
            try await receipt.record?(session)
            switch receipt.outcome {
            case .accepted:
                try await ledger.apply(MessageStatusReport(.sent), toMessage: sid, in: session, now: now)
                for report in receipt.reports { try await ledger.apply(report, toMessage: sid, in: session, now: now) }
            case .refused(let code, let text):
                try await ledger.apply(MessageStatusReport(.failed, errorCode: code, errorMessage: text), toMessage: sid, in: session, now: now)
            }
        }
    }

    /// What to do to a message whose delivery is given up on: fail it with `code`.
    func failing(_ sid: String, code: Int) -> @Sendable (any StorageSession, Date) async throws -> Void {
        let ledger = self.ledger
        return { session, now in
            try await ledger.apply(MessageStatusReport(.failed, errorCode: code), toMessage: sid, in: session, now: now)
        }
    }

    func deliverWebhook(_ entry: OutboxEntry, call: WebhookCall, started: Int64) async throws {
        let account = try await storage.read { try await $0.accounts.find(sid: entry.accountSid) }
        guard let account, account.status != .closed else {
            return try await settle(entry, started: started, .giveUp("the account is closed"), via: Self.webhookChannel)
        }
        var outcome = await webhooks.send(WebhookSigning.request(for: call, authToken: account.authToken, idempotencyToken: entry.sid))
        var answeredBy = call.url
        if let fallback = call.fallbackUrl, !Self.succeeded(outcome) {
            // Twilio's fallback URLs get the same call, signed for their own URL, when the first answer is no success.
            var fallbackCall = call
            fallbackCall.url = fallback
            fallbackCall.method = call.fallbackMethod ?? call.method
            let primary = outcome
            outcome = await webhooks.send(WebhookSigning.request(for: fallbackCall, authToken: account.authToken, idempotencyToken: entry.sid))
            if Self.succeeded(outcome) { answeredBy = fallback } else { outcome = primary }
        }
        switch outcome {
        case .refused(let reason):
            try await settle(entry, started: started, .giveUp("refused: \(reason)"), via: Self.webhookChannel)
        case .attempted(let result, let body):
            let description = Self.describe(result)
            let code = Self.responseCode(result)
            switch DeliveryOutcome(classifying: result) {
            case .delivered:
                await readAnswer(body, to: call, answeredBy: answeredBy, entry: entry)
                try await settle(entry, started: started, .delivered, via: Self.webhookChannel, responseCode: code)
            case .retry: try await settle(entry, started: started, .retry(description), via: Self.webhookChannel, responseCode: code)
            case .giveUp: try await settle(entry, started: started, .giveUp(description), via: Self.webhookChannel, responseCode: code)
            }
        }
    }

    /// Whether a send ended in an answer that counts as delivered.
    static func succeeded(_ outcome: WebhookResult) -> Bool {
        guard case .attempted(let result, _) = outcome, case .delivered = DeliveryOutcome(classifying: result) else { return false }
        return true
    }

    /// Hands a successful answer to the reader of its call's purpose. A reader's failure is logged and not
    /// retried: the application did answer, and asking again would repeat a call it has already handled.
    func readAnswer(_ body: [UInt8], to call: WebhookCall, answeredBy url: String, entry: OutboxEntry) async {
        guard let reader = answerReaders[call.purpose] else { return }
        do {
            try await reader.read(body, answering: call, answeredBy: url, entry: entry)
        } catch {
            logger.warning("Outbox: could not act on an answer", metadata: ["entry": "\(entry.sid)", "purpose": "\(call.purpose)", "error": "\(error)"])
        }
    }

    /// How an attempt ended, for the entry's record.
    enum Settlement {
        case delivered
        case retry(String)
        case giveUp(String)
    }

    /// Puts `entry` back in the outbox, unattempted, until `time` (milliseconds), and wakes the dispatcher then.
    func postpone(_ entry: OutboxEntry, until time: Int64) async throws {
        var entry = entry
        entry.nextAttemptAt = time
        entry.dateUpdated = self.time.now()
        let postponed = entry
        try await storage.write { try await $0.outbox.record(postponed) }
        let doorbell = self.doorbell
        let wait = max(0, time - milliseconds())
        Task {
            try? await Task.sleep(for: .milliseconds(wait))
            doorbell.ring()
        }
    }

    /// Records the attempt: a delivered entry stays as delivered for the retention period, so a person can see
    /// what left and when; a retried one is due again after a backoff; one given up on (or out of retry time) stays
    /// as failed. `then` runs in the same transaction on success or on giving up, whichever applies. `channel`
    /// names what carried it, for the delivery counters.
    func settle(
        _ entry: OutboxEntry, started: Int64, _ settlement: Settlement, via channel: String, responseCode: Int? = nil,
        then followUp: (@Sendable (any StorageSession, Date) async throws -> Void)? = nil
    ) async throws {
        var entry = entry
        let now = milliseconds()
        let date = time.now()
        entry.attempts += 1
        entry.firstAttemptAt = entry.firstAttemptAt ?? started
        entry.lastAttemptAt = now
        entry.lastResponseCode = responseCode
        entry.dateUpdated = date
        var finalFailure = false
        switch settlement {
        case .delivered:
            entry.status = .delivered
            entry.lastError = nil
            let delivered = entry
            try await storage.write { session in
                try await followUp?(session, date)
                try await session.outbox.record(delivered)
            }
            Counter(label: DeliveryMetrics.deliveries, dimensions: [("channel", channel)]).increment()
            return
        case .retry(let reason):
            var generator = SystemRandomNumberGenerator()
            let elapsed = Duration.milliseconds(now - (entry.firstAttemptAt ?? started))
            if let wait = settings.retryPolicy.delay(afterAttempt: entry.attempts, elapsed: elapsed, using: &generator) {
                entry.nextAttemptAt = now + wait.wholeMilliseconds
                entry.lastError = reason
                logger.info("Outbox: will retry", metadata: ["entry": "\(entry.sid)", "attempts": "\(entry.attempts)", "reason": "\(reason)"])
            } else {
                entry.status = .failed
                entry.lastError = "gave up after \(entry.attempts) attempts: \(reason)"
                finalFailure = true
            }
        case .giveUp(let reason):
            entry.status = .failed
            entry.lastError = reason
            finalFailure = true
        }
        if finalFailure {
            logger.warning("Outbox: delivery failed for good", metadata: ["entry": "\(entry.sid)", "reason": "\(entry.lastError ?? "")"])
        }
        Counter(label: DeliveryMetrics.failures, dimensions: [("channel", channel), ("outcome", finalFailure ? "failed" : "retry")]).increment()
        let recorded = entry
        let runFollowUp = finalFailure
        try await storage.write { session in
            if runFollowUp { try await followUp?(session, date) }
            try await session.outbox.record(recorded)
        }
    }

    /// The `channel` of webhook calls in the delivery counters.
    static let webhookChannel = "webhook"

    /// The HTTP status an attempt was answered with, if it was answered.
    static func responseCode(_ result: DeliveryAttemptResult) -> Int? {
        if case .response(let status) = result { return status }
        return nil
    }

    static func describe(_ result: DeliveryAttemptResult) -> String {
        switch result {
        case .response(let status): "HTTP \(status)"
        case .connectFailed: "could not connect"
        case .responseTimedOut: "no response in time"
        }
    }
}

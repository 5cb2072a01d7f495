import Logging
import SwitchboardCore

/// One `smpp` sender's ESME session with its SMSC: bound as a transceiver on first use and kept, checked with
/// `enquire_link`, bound again with backoff when the link drops, and unbound on shutdown. Requests wait in the
/// window for their responses; when the link drops, every one still waiting fails, so the outbox sends its
/// message again rather than losing it.
actor SMPPSession {
    let settings: SMPPSessionSettings
    let timers: SMPPTimers
    let inbound: SenderInbound
    let logger: Logger
    let window: SMPPWindow
    /// The sender as last sent from, for the account and address that inbound messages and receipts belong to.
    var sender: Sender

    var link: SMPPLink?
    var binding: Task<SMPPLink, any Error>?
    var sequence: UInt32 = 0
    /// Requests waiting for their responses, with the link they went out on and the task that times them out.
    var pending: [UInt32: (link: ObjectIdentifier, continuation: CheckedContinuation<SMPPPDU, any Error>, timeout: Task<Void, Never>)] = [:]
    var failures = 0
    var retryAfter: ContinuousClock.Instant?
    var refusal: (until: ContinuousClock.Instant, error: SMPPBindRefused)?
    /// Until when nothing is submitted, after the SMSC answered `ESME_RTHROTTLED`; it grows with each throttle in
    /// a row, so that every message backs off together rather than each probing the SMSC on its own.
    var throttledUntil: ContinuousClock.Instant?
    var throttles = 0
    var keepalive: Task<Void, Never>?
    var reconnect: Task<Void, Never>?
    var closed = false
    /// The parts of a long message the SMSC already took, by message SID, so that a retry after a dropped link
    /// sends only the rest and the handset gets no part twice.
    var acceptedParts: [String: [Int: String]] = [:]
    /// The SMSC's ids of the second and later parts of long messages, each to the first part's id, which is the
    /// message's provider id. Kept in memory only: a receipt for a later part that comes after a restart finds
    /// nothing, while the first part's receipt still settles the message.
    var partOwners: [String: String] = [:]
    /// Customers' long messages still missing parts.
    var concatenation = SMPPConcatenation()

    init(settings: SMPPSessionSettings, sender: Sender, inbound: SenderInbound, timers: SMPPTimers, logger: Logger) {
        self.settings = settings
        self.sender = sender
        self.inbound = inbound
        self.timers = timers
        self.logger = logger
        self.window = SMPPWindow(size: settings.window)
    }

    /// The bound link, binding first when there is none; throws ``ConnectorUnavailable`` while the SMSC cannot be
    /// reached (and during the backoff after), and ``SMPPBindRefused`` when it refuses the bind.
    func boundLink() async throws -> SMPPLink {
        if closed { throw ConnectorUnavailable("the SMPP session with \(settings.peer) is shutting down") }
        if let link { return link }
        if let binding { return try await binding.value }
        let now = ContinuousClock.now
        if let refusal, refusal.until > now { throw refusal.error }
        if let retryAfter, retryAfter > now {
            throw ConnectorUnavailable("the SMPP link to \(settings.peer) is down; binding again in \(Int((retryAfter - now) / .milliseconds(1))) ms")
        }
        let task = Task { try await self.openAndBind() }
        binding = task
        defer { binding = nil }
        return try await task.value
    }

    /// Connects and binds once, keeping the count of failures in a row that the backoff grows with.
    func openAndBind() async throws -> SMPPLink {
        do {
            let link = try await SMPPLink.open(host: settings.host, port: settings.port)
            read(link)
            let response: SMPPPDU
            do {
                response = try await request(.bindTransceiver, body: settings.bind.encoded, on: link)
            } catch {
                link.close()
                throw error
            }
            guard response.status == .ok else {
                link.close()
                throw SMPPBindRefused(peer: settings.peer, status: response.status)
            }
            guard !closed else {
                // Shutdown began while binding: leave as politely as a bound session does.
                _ = try? await request(.unbind, on: link, timeout: .seconds(2))
                link.close()
                throw ConnectorUnavailable("the SMPP session with \(settings.peer) is shutting down")
            }
            self.link = link
            failures = 0
            retryAfter = nil
            refusal = nil
            keepalive = Task { [weak self, interval = timers.enquireLink] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    await self?.enquire(on: link)
                }
            }
            logger.info("SMPP session bound", metadata: ["peer": "\(settings.peer)", "sender": "\(sender.sid)"])
            return link
        } catch let error as SMPPBindRefused {
            failures += 1
            refusal = (ContinuousClock.now + timers.backoff(after: failures), error)
            logger.warning("SMPP bind refused", metadata: ["peer": "\(settings.peer)", "sender": "\(sender.sid)", "status": "\(error.status)"])
            throw error
        } catch {
            failures += 1
            retryAfter = ContinuousClock.now + timers.backoff(after: failures)
            throw error
        }
    }

    /// Sends a request and waits for its response; throws ``ConnectorUnavailable`` when the link drops or the
    /// SMSC does not answer in time (which also closes the link, since a silent SMSC cannot be trusted with more).
    func request(_ command: SMPPCommand, body: [UInt8] = [], on link: SMPPLink, timeout: Duration? = nil) async throws -> SMPPPDU {
        sequence = sequence >= 0x7FFF_FFFF ? 1 : sequence + 1
        let pdu = SMPPPDU(command: command, sequence: sequence, body: body)
        let wait = timeout ?? timers.response
        return try await withCheckedThrowingContinuation { continuation in
            let timer = Task { [weak self] in
                try? await Task.sleep(for: wait)
                if !Task.isCancelled { await self?.timedOut(pdu.sequence, link: link) }
            }
            pending[pdu.sequence] = (ObjectIdentifier(link), continuation, timer)
            Task { [weak self] in
                do {
                    try await link.write(pdu)
                } catch {
                    await self?.settle(pdu.sequence, with: .failure(ConnectorUnavailable("the SMPP link to \(link.peer) broke while writing")))
                }
            }
        }
    }

    /// Resumes the request waiting under `sequence`, if one still is.
    func settle(_ sequence: UInt32, with result: Result<SMPPPDU, any Error>) {
        guard let waiting = pending.removeValue(forKey: sequence) else { return }
        waiting.timeout.cancel()
        waiting.continuation.resume(with: result)
    }

    func timedOut(_ sequence: UInt32, link: SMPPLink) {
        guard pending[sequence] != nil else { return }
        settle(sequence, with: .failure(ConnectorUnavailable("the SMSC at \(settings.peer) did not answer in \(timers.response)")))
        link.close()
    }

    func enquire(on link: SMPPLink) async {
        guard self.link === link else { return }
        _ = try? await request(.enquireLink, on: link)
    }

    /// Reads the link's PDUs until it ends, then counts it as dropped.
    func read(_ link: SMPPLink) {
        Task { [weak self] in
            for await pdu in link.inbound { await self?.handle(pdu, on: link) }
            await self?.dropped(link)
        }
    }

    func handle(_ pdu: SMPPPDU, on link: SMPPLink) {
        if pdu.command.isResponse {
            settle(pdu.sequence, with: .success(pdu))
            return
        }
        switch pdu.command {
        case .enquireLink:
            answer(pdu, on: link)
        case .unbind:
            answer(pdu, on: link)
            link.close()
        case .deliverSM:
            Task { [weak self] in
                guard let self else { return }
                let status = await self.deliver(pdu)
                await self.answer(pdu, status: status, body: [0], on: link)
            }
        default:
            // SMPP 3.4 answers a command it does not take with generic_nack and ESME_RINVCMDID.
            let nack = SMPPPDU(command: .genericNack, status: SMPPCommandStatus(rawValue: 0x03), sequence: pdu.sequence)
            Task { try? await link.write(nack) }
        }
    }

    func answer(_ request: SMPPPDU, status: SMPPCommandStatus = .ok, body: [UInt8] = [], on link: SMPPLink) {
        let response = SMPPPDU(command: request.command.response, status: status, sequence: request.sequence, body: body)
        Task { try? await link.write(response) }
    }

    /// Fails every request still waiting on `link`, and binds again after the backoff unless shutting down.
    func dropped(_ link: SMPPLink) {
        let identifier = ObjectIdentifier(link)
        for (sequence, waiting) in pending where waiting.link == identifier {
            settle(sequence, with: .failure(ConnectorUnavailable(
                "the SMPP link to \(settings.peer) dropped before the SMSC answered; the message will be sent again")))
        }
        guard self.link === link else { return }
        self.link = nil
        keepalive?.cancel()
        keepalive = nil
        guard !closed else { return }
        failures += 1
        retryAfter = ContinuousClock.now + timers.backoff(after: failures)
        logger.warning("SMPP link dropped", metadata: ["peer": "\(settings.peer)", "sender": "\(sender.sid)"])
        scheduleReconnect()
    }

    /// Binds again once the backoff has passed, so that receipts and customers' messages keep coming while
    /// nothing is being sent; tries again, backing off further, until it binds or the SMSC refuses the bind.
    func scheduleReconnect() {
        guard reconnect == nil, !closed else { return }
        let wait = retryAfter.map { $0 - ContinuousClock.now } ?? .zero
        reconnect = Task { [weak self] in
            try? await Task.sleep(for: max(wait, .zero))
            await self?.reconnectNow()
        }
    }

    /// Binds in the background, as after a dropped link, for a sender that has not sent anything yet.
    func open() {
        scheduleReconnect()
    }

    func reconnectNow() async {
        reconnect = nil
        guard link == nil, !closed else { return }
        do {
            _ = try await boundLink()
        } catch is SMPPBindRefused {
            return
        } catch {
            scheduleReconnect()
        }
    }

    /// Unbinds and closes the link; waits a short while for `unbind_resp`, since the process is stopping.
    func shutdown() async {
        closed = true
        reconnect?.cancel()
        keepalive?.cancel()
        guard let link else { return }
        self.link = nil
        let answered = (try? await request(.unbind, on: link, timeout: .seconds(2)))?.status == .ok
        link.close()
        logger.info("SMPP session unbound", metadata: ["peer": "\(settings.peer)", "sender": "\(sender.sid)", "answered": "\(answered)"])
    }
}

public import Logging
public import ServiceLifecycle
public import SwitchboardCore
public import SwitchboardStorage

/// SMS through an SMPP 3.4 aggregator or an operator's SMSC, Switchboard being the ESME: each `smpp` sender has
/// one transceiver session, which submits its messages and takes the SMSC's delivery receipts and customers'
/// messages. It is a service so that its sessions unbind when the server stops.
public final class SMPPConnector: ProviderConnector, Service {
    let sessions: SMPPSessions
    let storage: any Storage
    let secretBox: SecretBox
    let logger: Logger

    /// Creates the connector; `inbound` carries out what the SMSC delivers, and the senders found in `storage` at
    /// start, their secrets opened with `secretBox`, are bound then.
    public init(
        inbound: SenderInbound, storage: any Storage, secretBox: SecretBox, timers: SMPPTimers = SMPPTimers(),
        logger: Logger = Logger(label: "switchboard.smpp")
    ) {
        self.sessions = SMPPSessions(inbound: inbound, timers: timers, logger: logger)
        self.storage = storage
        self.secretBox = secretBox
        self.logger = logger
    }

    /// Always ``ConnectorKind/smpp``.
    public var kind: ConnectorKind { .smpp }

    /// Submits `message` over the sender's session. A refused bind or `submit_sm` fails the message with the
    /// SMSC's status in its text; no link, a dropped link or throttling is tried again by the outbox.
    public func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let settings: SMPPSessionSettings
        do {
            settings = try SMPPSessionSettings(sender)
        } catch {
            return ConnectorReceipt(.refused(errorCode: 30008, message: error.description))
        }
        let session = await sessions.session(for: sender.sender, settings: settings)
        do {
            return try await session.submit(message, from: sender.sender)
        } catch let refusal as SMPPBindRefused {
            return ConnectorReceipt(.refused(errorCode: 30008, message: refusal.description))
        }
    }

    /// SMPP delivers receipts and customers' messages over the session, so nothing is taken over HTTP.
    public func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        throw TwilioError(
            code: 20404, message: "An SMPP sender receives its messages and receipts over its SMPP session, not at an inbound URL",
            httpStatus: 404)
    }

    /// Binds every `smpp` sender, so that receipts and customers' messages come in from the start; waits for the
    /// server to stop, then unbinds every session.
    public func run() async throws {
        await openSessions()
        try? await gracefulShutdown()
        await sessions.shutdown()
    }

    /// Opens a session for each stored `smpp` sender; each binds in the background, with backoff while its SMSC
    /// cannot be reached. A sender created later binds on its first message.
    func openSessions() async {
        let senders: [Sender]
        do {
            senders = try await storage.read { try await $0.senders.all(connector: .smpp) }
        } catch {
            logger.warning("SMPP senders not read at start; each binds on its first message", metadata: ["reason": "\(error)"])
            return
        }
        for sender in senders {
            let secrets = sender.sealedSecrets.compactMapValues { secretBox.open($0) }
            guard let settings = try? SMPPSessionSettings(ConfiguredSender(sender: sender, secrets: secrets, inboundURL: "")) else { continue }
            await sessions.session(for: sender, settings: settings).open()
        }
    }
}

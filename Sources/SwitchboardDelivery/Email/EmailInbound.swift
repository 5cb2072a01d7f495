public import Logging
public import SwitchboardCore
public import SwitchboardStorage

/// Mail to the listener, carried out: taken only for the addresses of email senders, read as MIME, and stored
/// through the one inbound path for each account whose sender it was written to, threaded by (from, to) as every
/// channel is, or, for a reply whose `In-Reply-To`/`References` name a mail the sender wrote, into that mail's
/// conversation even when the customer answers from another address.
public struct EmailInbound: MailDrop {
    let storage: any Storage
    let inbound: InboundMessages
    let logger: Logger

    /// Creates the drop over the inbound path.
    public init(storage: any Storage, inbound: InboundMessages, logger: Logger) {
        self.storage = storage
        self.inbound = inbound
        self.logger = logger
    }

    /// Whether any account has an email sender at `recipient`.
    public func accepts(recipient: String) async throws -> Bool {
        try await !senders(at: recipient).isEmpty
    }

    /// Reads `mail` and stores it once per recipient sender; a mail that cannot be read, or names no valid
    /// author, is refused whole before anything is stored.
    public func deliver(_ mail: [UInt8], envelopeFrom: String, recipients: [String]) async -> SMTPServerReply {
        let parsed: InboundMail
        do { parsed = try InboundMail(mail, envelopeFrom: envelopeFrom) } catch {
            return SMTPServerReply(554, "5.6.0 Malformed MIME: \(error.reason); nothing was stored")
        }
        do {
            var messages: [(InboundMessage, String)] = []
            var found: [Sender] = []
            for recipient in recipients { found += try await senders(at: recipient) }
            for sender in found {
                // One mail to two of an account's addresses is two messages, which one Message-ID would
                // deduplicate into one: each then carries its address in its provider id.
                let shared = found.filter { $0.accountSid == sender.accountSid }.count > 1
                let providerMessageID = parsed.messageID.map { shared ? "\($0) \(sender.address)" : $0 }
                let message: InboundMessage
                do {
                    message = try InboundMessage(
                        channel: .email, from: parsed.from, to: sender.address, body: parsed.text,
                        providerMessageID: providerMessageID, subject: parsed.subject, answers: parsed.replyTo)
                } catch {
                    return SMTPServerReply(550, "5.1.7 The author's address \(parsed.from) is not a valid email address; nothing was stored")
                }
                messages.append((message, sender.accountSid))
            }
            for (message, accountSid) in messages {
                let stored = try await inbound.receive(message, accountSid: accountSid)
                logger.info("email received", metadata: ["message_sid": "\(stored.sid)", "account_sid": "\(accountSid)"])
            }
        } catch {
            logger.error("storing inbound email failed", metadata: ["error": "\(error)"])
            return SMTPServerReply(451, "4.3.0 The mail could not be stored now; try again later")
        }
        return SMTPServerReply(250, "2.0.0 OK: queued")
    }

    /// The email senders at `address`, in any account.
    func senders(at address: String) async throws -> [Sender] {
        guard let normalised = try? DeliveryAddress(address, channel: .email).value else { return [] }
        return try await storage.read { session in
            try await session.senders.all(address: normalised).filter { $0.channel == .email }
        }
    }
}

import Foundation
import NIOCore
import NIOSSL
public import SwitchboardCore

/// Delivers email through an SMTP relay over SwiftNIO: STARTTLS (required unless the sender says `off`), AUTH
/// PLAIN or LOGIN, and a MIME mail whose `Message-ID` becomes the message's provider id, so replies thread.
/// A 4xx reply or a lost connection is retried; a 5xx reply fails the message with its SMTP code and text.
/// Inbound mail does not come over HTTP but through ``SMTPListener``.
public struct SMTPConnector: ProviderConnector {
    let transport: any WebhookTransport
    let time: any TimeSource
    /// How long one session may take, connection included, before it is abandoned and retried.
    let sessionTimeout: Duration

    /// Creates the connector; attachments are fetched over `transport`, the webhooks' client and address guard.
    public init(transport: any WebhookTransport, time: any TimeSource, sessionTimeout: Duration = .seconds(60)) {
        self.transport = transport
        self.time = time
        self.sessionTimeout = sessionTimeout
    }

    /// Email senders.
    public var kind: ConnectorKind { .smtp }

    /// Sends `message` as one mail to its recipient.
    public func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let settings: SMTPSenderSettings
        do { settings = try SMTPSenderSettings(sender) } catch {
            return ConnectorReceipt(.refused(errorCode: error.code, message: error.message))
        }
        let attachments: [MailAttachment]
        do { attachments = try await fetchAttachments(message.mediaUrls) } catch let refusal as TwilioError {
            return ConnectorReceipt(.refused(errorCode: refusal.code, message: refusal.message))
        }
        let tls: NIOSSLContext?
        do { tls = settings.requireTLS ? try Self.tlsContext(caFile: settings.caFile) : nil } catch {
            return ConnectorReceipt(.refused(errorCode: 30008, message: "SMTP sender settings: \(error)"))
        }
        let address = sender.sender.address
        let messageID = OutboundMail.messageID(for: message, from: address)
        let mail = OutboundMail(fromAddress: address, fromName: settings.fromName, messageID: messageID, attachments: attachments)
        let envelope = SMTPEnvelope(from: address, recipients: [message.to], mail: Array(mail.render(message, date: time.now()).utf8))
        do {
            try await deliver(envelope, settings: settings, tls: tls)
        } catch let failure as SMTPNegativeReply where failure.reply.code >= 500 {
            return ConnectorReceipt(.refused(errorCode: SMTPErrorMapping.code(for: failure), message: redacted(failure.description, settings)))
        } catch let failure as SMTPNegativeReply {
            throw ConnectorUnavailable(redacted(failure.description, settings))
        } catch let failure as SMTPStartTLSMissing {
            return ConnectorReceipt(.refused(errorCode: 30008, message: failure.description))
        } catch let failure as SMTPAuthUnavailable {
            return ConnectorReceipt(.refused(errorCode: 30008, message: failure.description))
        } catch let failure as NIOSSLError {
            throw ConnectorUnavailable("TLS with \(settings.host):\(settings.port) failed: \(failure)")
        } catch let failure as BoringSSLError {
            throw ConnectorUnavailable("TLS with \(settings.host):\(settings.port) failed: \(failure)")
        } catch is CancellationError {
            throw ConnectorUnavailable("the SMTP session with \(settings.host):\(settings.port) took over \(sessionTimeout)")
        } catch {
            throw ConnectorUnavailable(redacted("SMTP \(settings.host):\(settings.port): \(error)", settings))
        }
        return ConnectorReceipt(.accepted(providerMessageID: messageID))
    }

    /// Inbound email arrives over SMTP at the listener, not at an HTTP inbound URL.
    public func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        throw TwilioError(code: 20404, message: "Email senders receive mail over SMTP (serve --smtp-port), not at this URL", httpStatus: 404)
    }

    /// Runs one session within ``sessionTimeout``.
    func deliver(_ envelope: SMTPEnvelope, settings: SMTPSenderSettings, tls: NIOSSLContext?) async throws {
        let dialogue = SMTPDialogue(requireTLS: settings.requireTLS, credentials: settings.credentials, clientName: Self.clientName(envelope.from))
        let timeout = sessionTimeout
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await SMTPConnection.withConnection(host: settings.host, port: settings.port, tls: tls, connectTimeout: .seconds(10)) { link in
                    try await dialogue.deliver(envelope, over: link)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw CancellationError()
            }
            defer { group.cancelAll() }
            _ = try await group.next()
        }
    }

    /// The files of `urls`, fetched through the address guard. A URL the guard refuses, or that does not answer
    /// 2xx with a body, fails the message (21620 "Invalid media URL(s)"); no answer at all is retried.
    func fetchAttachments(_ urls: [String]) async throws -> [MailAttachment] {
        var attachments: [MailAttachment] = []
        for url in urls {
            let request = WebhookRequest(
                url: url, method: "GET", headers: [], body: [], overrides: ConnectionOverrides(), answerLimit: MailAttachment.maximumBytes)
            switch await transport.send(request) {
            case .refused(let reason):
                throw TwilioError(code: 21620, message: "Invalid media URL \(url): \(reason)", httpStatus: 400)
            case .attempted(.response(let status), let body) where (200..<300).contains(status):
                // The client reads nothing of an answer past the limit.
                guard !body.isEmpty else {
                    throw TwilioError(
                        code: 21620, message: "Invalid media URL \(url): empty, or larger than the \(MailAttachment.maximumBytes / 1_048_576) MiB an attachment may be",
                        httpStatus: 400)
                }
                let (filename, contentType) = MailAttachment.describe(url)
                attachments.append(MailAttachment(filename: filename, contentType: contentType, bytes: body))
            case .attempted(.response(let status), _) where status >= 500 || status == 429:
                throw ConnectorUnavailable("fetching the attachment \(url) answered \(status)")
            case .attempted(.response(let status), _):
                throw TwilioError(code: 21620, message: "Invalid media URL \(url): it answered \(status)", httpStatus: 400)
            case .attempted(let result, _):
                throw ConnectorUnavailable("fetching the attachment \(url) failed: \(result)")
            }
        }
        return attachments
    }

    /// Trust for STARTTLS: the system's store, or the PEM bundle `caFile`.
    static func tlsContext(caFile: String?) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            do { configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile)) } catch {
                throw SMTPProtocolViolation("ca_file \(caFile) could not be read as PEM certificates: \(error)")
            }
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The EHLO name: the sender's domain, which is what its relay expects to hear.
    static func clientName(_ address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    /// `text` with the password (and its base64 forms) blanked, in case a server ever quotes it back.
    func redacted(_ text: String, _ settings: SMTPSenderSettings) -> String {
        guard let (username, password) = settings.credentials else { return text }
        var text = text
        let plain = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
        for secret in [plain, Data(password.utf8).base64EncodedString(), password] where secret.count >= 4 {
            text = text.replacingOccurrences(of: secret, with: "[password]")
        }
        return text
    }
}

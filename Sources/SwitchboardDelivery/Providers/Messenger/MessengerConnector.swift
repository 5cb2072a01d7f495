import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Delivers through Meta's Messenger Send API for a Facebook page, and reads the page webhooks Meta posts to the
/// sender's inbound URL. The messaging window is the customer's last message to the page, as stored.
public struct MessengerConnector: ProviderConnector {
    let transport: any WebhookTransport
    let storage: any Storage
    let time: any TimeSource
    let window: MessagingWindow

    /// Creates the connector; it calls Meta over `transport` and reads the customer's last message from `storage`
    /// to place it in `window`, the server's customer-care window.
    public init(transport: any WebhookTransport, storage: any Storage, time: any TimeSource, window: MessagingWindow = MessagingWindow()) {
        self.transport = transport
        self.storage = storage
        self.time = time
        self.window = window
    }

    /// Messenger senders.
    public var kind: ConnectorKind { .messenger }

    /// Sends `message` with the `messaging_type` its window allows, or refuses it with 63016 without calling Meta
    /// when no type does. A message with media is one request per part; the last part's id is the message's.
    public func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let lastInbound = try await storage.read { session in
            try await session.messages.lastInbound(accountSid: message.accountSid, channel: .messenger, customer: message.to, business: message.from)
        }
        let requests: [WebhookRequest]
        do {
            let type = try MessengerMessagingType.choose(
                lastInbound: lastInbound, now: time.now(), byAgent: MessengerMessagingType.isByAgent(message), window: window)
            requests = try MessengerSendRequest.make(message, from: sender, type: type)
        } catch {
            return ConnectorReceipt(.refused(errorCode: error.code, message: error.message))
        }
        var providerMessageID: String?
        for request in requests {
            let receipt: ConnectorReceipt
            do {
                receipt = try MessengerSendAnswer.receipt(for: await transport.send(request))
            } catch {
                throw ConnectorUnavailable(redacted(error.reason, sender))
            }
            switch receipt.outcome {
            case .accepted(let id): providerMessageID = id ?? providerMessageID
            case .refused(let code, let text): return ConnectorReceipt(.refused(errorCode: code, message: redacted(text, sender)))
            }
        }
        return ConnectorReceipt(.accepted(providerMessageID: providerMessageID))
    }

    /// Answers Meta's verification `GET` with the sender's `verify_token`; reads a `POST` only once its
    /// `X-Hub-Signature-256` holds for the sender's `app_secret`, answering `EVENT_RECEIVED`.
    public func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        if request.method == "GET" { return try MetaWebhook.verification(request, verifyToken: sender.setting("verify_token")) }
        try MetaWebhook.checkSignature(request, appSecret: sender.setting("app_secret"))
        let pageID = sender.setting("page_id") ?? String(sender.sender.address.dropFirst("messenger:".count))
        let events = try MessengerPageWebhook.events(in: request.body, pageID: pageID, business: sender.sender.address)
        return ProviderInbound(answer: ProviderAnswer(body: "EVENT_RECEIVED"), events: events)
    }

    /// `text` with the sender's page token blanked, in case Meta ever quotes it back: an error's text is stored on
    /// the message and the sender's health, which are shown.
    func redacted(_ text: String, _ sender: ConfiguredSender) -> String {
        guard let token = sender.setting("page_access_token"), token.count >= 8 else { return text }
        return text.replacingOccurrences(of: token, with: "[page_access_token]")
    }
}

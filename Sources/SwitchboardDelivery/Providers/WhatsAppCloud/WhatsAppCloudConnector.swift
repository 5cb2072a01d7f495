import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Delivers through Meta's WhatsApp Business Cloud API: `POST {graph}/{version}/{phone_number_id}/messages` with
/// the sender's bearer token, for text, media by URL and approved Content templates; and reads the WhatsApp
/// Business Account webhooks Meta posts to the sender's inbound URL.
public struct WhatsAppCloudConnector: ProviderConnector {
    let transport: any WebhookTransport
    let storage: any Storage

    /// Creates the connector; `storage` gives the Content templates that messages name.
    public init(transport: any WebhookTransport, storage: any Storage) {
        self.transport = transport
        self.storage = storage
    }

    /// Always ``ConnectorKind/whatsappCloud``.
    public var kind: ConnectorKind { .whatsappCloud }

    /// Sends `message`; Meta's `messages[0].id` (the wamid) is the provider's id. Throttling, 5xx and network
    /// failures throw ``ConnectorUnavailable`` so the outbox retries; other refusals fail the message.
    public func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let endpoint = WhatsAppCloudEndpoint(sender)
        guard let phoneNumberID = sender.setting("phone_number_id"), !phoneNumberID.isEmpty else {
            return ConnectorReceipt(.refused(errorCode: 63007, message: "The sender has no phone_number_id setting"))
        }
        var template: ContentTemplate?
        if let contentSid = message.contentSid, !contentSid.isEmpty {
            template = try await storage.read { try await $0.contents.find(sid: contentSid, accountSid: message.accountSid) }
        }
        let body: [String: Any]
        do { body = try WhatsAppOutboundMessage.body(for: message, template: template) } catch {
            return ConnectorReceipt(.refused(errorCode: error.code, message: error.message))
        }
        let result = await transport.send(endpoint.post(endpoint.url(node: phoneNumberID, edge: "messages"), json: body))
        return try Self.receipt(for: result)
    }

    /// The receipt for Meta's answer to a send, or ``ConnectorUnavailable`` when it is worth another try.
    static func receipt(for result: WebhookResult) throws(ConnectorUnavailable) -> ConnectorReceipt {
        switch ProviderReply(result, provider: "the Graph API") {
        case .notAllowed(let reason):
            return ConnectorReceipt(.refused(errorCode: 30008, message: "The sender's graph_url cannot be reached: \(reason)"))
        case .unreachable(let reason):
            throw ConnectorUnavailable(reason)
        case .answered(let status, let body):
            if (200..<300).contains(status) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
                      let id = ((object["messages"] as? [Any])?.first as? [String: Any])?["id"] as? String
                else { throw ConnectorUnavailable("the Graph API answered \(status) without a message id") }
                return ConnectorReceipt(.accepted(providerMessageID: id))
            }
            let error = WhatsAppGraphError(answer: body) ?? WhatsAppGraphError(code: nil, message: "HTTP \(status)")
            if ProviderReply.isTemporary(status) || WhatsAppErrorMapping.isRetried(error.code) {
                throw ConnectorUnavailable("the Graph API answered \(status) (\(error.quoted))")
            }
            let refusal = WhatsAppErrorMapping.refusal(error)
            return ConnectorReceipt(.refused(errorCode: refusal.code, message: refusal.message))
        }
    }

    /// Answers Meta's verification `GET`, and reads a signed `POST`: its messages, receipts and template
    /// decisions, answered `EVENT_RECEIVED`.
    public func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        if request.method == "GET" { return try MetaWebhook.verification(request, verifyToken: sender.setting("verify_token")) }
        guard request.method == "POST" else { throw .methodNotAllowed(request.method) }
        try MetaWebhook.checkSignature(request, appSecret: sender.setting("app_secret"))
        let endpoint = WhatsAppCloudEndpoint(sender)
        let events = try WhatsAppWebhookPayload.events(
            request.body, senderAddress: sender.sender.address, phoneNumberID: sender.setting("phone_number_id"),
            media: WhatsAppMediaReference(root: endpoint.graphURL + "/" + endpoint.version))
        return ProviderInbound(answer: ProviderAnswer(body: "EVENT_RECEIVED"), events: events)
    }
}

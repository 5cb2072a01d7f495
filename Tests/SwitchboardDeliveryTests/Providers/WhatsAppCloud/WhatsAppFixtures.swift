import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// A WhatsApp Cloud sender and the requests Meta would make to it, for the connector's unit tests.
enum WhatsAppFixtures {
    static let business = "whatsapp:+15550783881"
    static let customer = "whatsapp:+16505551234"
    static let appSecret = "app-secret-of-the-test"
    static let accessToken = "EAAG-test-access-token"
    static let verifyToken = "verify-me"

    static func sender(accountSid: String = "AC00000000000000000000000000000001", settings: [String: String] = [:]) -> ConfiguredSender {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let sender = Sender(
            sid: "XE00000000000000000000000000000001", accountSid: accountSid, address: business, channel: .whatsapp, connector: .whatsappCloud,
            friendlyName: nil, messagesPerSecond: nil,
            settings: ["graph_url": "https://graph.example.test/", "phone_number_id": "106540352242922", "waba_id": "102290129340398"]
                .merging(settings) { _, given in given },
            sealedSecrets: [:], dateCreated: now, dateUpdated: now)
        return ConfiguredSender(
            sender: sender, secrets: ["access_token": accessToken, "app_secret": appSecret, "verify_token": verifyToken],
            inboundURL: "https://switchboard.example.test/switchboard/v1/Senders/\(sender.sid)/Inbound")
    }

    static func message(
        accountSid: String = "AC00000000000000000000000000000001", body: String = "Your order has shipped", mediaUrls: [String] = [],
        contentSid: String? = nil, contentVariables: String? = nil
    ) -> Message {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        return Message(
            sid: "SM00000000000000000000000000000001", accountSid: accountSid, channel: .whatsapp, direction: .outboundAPI,
            from: business, to: customer, body: body, contentSid: contentSid, contentVariables: contentVariables, mediaUrls: mediaUrls,
            status: .queued, dateCreated: now, dateUpdated: now)
    }

    static func template(
        accountSid: String = "AC00000000000000000000000000000001", types: String, variables: String = "{}",
        status: ContentApprovalStatus = .approved
    ) -> ContentTemplate {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        return ContentTemplate(
            sid: "HX00000000000000000000000000000001", accountSid: accountSid, friendlyName: "order_update", language: "en_US",
            variables: variables, types: types, approvalName: "order_shipped", approvalCategory: "utility", approvalStatus: status,
            dateCreated: now, dateUpdated: now)
    }

    /// A webhook `POST` of `json`, signed with `secret`.
    static func webhook(_ json: String, secret: String = appSecret, signature: String? = nil) -> ProviderHTTPRequest {
        let body = Array(json.utf8)
        return ProviderHTTPRequest(
            method: "POST", url: "https://switchboard.example.test/switchboard/v1/Senders/XE1/Inbound",
            headers: [("Content-Type", "application/json"),
                      ("X-Hub-Signature-256", signature ?? "sha256=" + MetaWebhook.signature(of: body, appSecret: secret))],
            body: body)
    }

    /// A `messages` change carrying `value`'s members besides the metadata.
    static func messagesChange(_ members: String, phoneNumberID: String = "106540352242922") -> String {
        """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
        "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"\(phoneNumberID)"},\(members)}}]}]}
        """
    }

    /// The JSON object a transport was asked to send.
    static func json(_ request: WebhookRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }
}

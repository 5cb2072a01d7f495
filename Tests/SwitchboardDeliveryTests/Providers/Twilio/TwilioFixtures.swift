import Foundation
import SwitchboardCore
@testable import SwitchboardDelivery

/// A Twilio sender on SMS and the requests Twilio would make to its inbound URL.
enum TwilioFixtures {
    static let accountSid = "AC0123456789abcdef0123456789abcdef"
    static let authToken = "0123456789abcdef0123456789abcdef"
    static let inboundURL = "https://switchboard.example.com/switchboard/v1/Senders/XE0123456789abcdef0123456789abcdef/Inbound"

    /// A sender with `settings` shown and `secrets` opened; by default the account's SID, a base URL and its auth token.
    static func sender(
        settings: [String: String] = ["account_sid": accountSid, "base_url": "http://twilio.test/api/"],
        secrets: [String: String] = ["auth_token": authToken], channel: DeliveryChannel = .sms
    ) -> ConfiguredSender {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let stored = Sender(
            sid: "XE0123456789abcdef0123456789abcdef", accountSid: "AC11111111111111111111111111111111",
            address: channel == .whatsapp ? "whatsapp:+18005550100" : "+18005550100", channel: channel, connector: .twilio,
            friendlyName: nil, messagesPerSecond: nil, settings: settings, sealedSecrets: [:], dateCreated: date, dateUpdated: date)
        return ConfiguredSender(sender: stored, secrets: secrets, inboundURL: inboundURL)
    }

    /// An outbound message from the sender's address.
    static func message(
        body: String = "Your order has shipped", mediaUrls: [String] = [], contentSid: String? = nil, contentVariables: String? = nil,
        channel: DeliveryChannel = .sms
    ) -> Message {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let prefix = channel == .whatsapp ? "whatsapp:" : ""
        return Message(
            sid: "SM0123456789abcdef0123456789abcdef", accountSid: "AC11111111111111111111111111111111", channel: channel,
            direction: .outboundAPI, from: prefix + "+18005550100", to: prefix + "+14155550100", body: body, contentSid: contentSid,
            contentVariables: contentVariables, mediaUrls: mediaUrls, status: .queued, dateCreated: date, dateUpdated: date)
    }

    /// A form post to the inbound URL, signed over `signedURL` with `token` (the sender's URL and token by default)
    /// unless `signature` is given.
    static func post(_ parameters: [FormPair], token: String = authToken, signature: String? = nil, signedURL: String = inboundURL) -> ProviderHTTPRequest {
        let signed = signature ?? RequestSignature.compute(url: signedURL, parameters: parameters.map { (name: $0.name, value: $0.value) }, authToken: token)
        return ProviderHTTPRequest(
            method: "POST", url: inboundURL,
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "X-Twilio-Signature", value: signed)],
            body: Array(FormEncoding.encode(parameters).utf8))
    }

    /// A JSON answer body.
    static func json(_ text: String) -> [UInt8] { Array(text.utf8) }
}

import Foundation
public import SwitchboardCore

/// The API 2010 request that hands a message to Twilio: `POST {base_url}/2010-04-01/Accounts/{account_sid}/Messages.json`
/// with Basic credentials and the message's form fields.
public enum TwilioMessageRequest {
    /// Twilio's own API root, used when the sender gives no `base_url`.
    public static let defaultBaseURL = "https://api.twilio.com"

    /// The request for `message` from `sender`; throws the refusal to fail the message with when the sender's
    /// settings cannot make one, which no retry would change.
    public static func make(_ message: Message, from sender: ConfiguredSender) throws(TwilioError) -> WebhookRequest {
        guard let accountSid = present(sender.setting("account_sid")) else {
            throw TwilioError(code: 20003, message: "The Twilio sender has no account_sid", httpStatus: 400)
        }
        var base = present(sender.setting("base_url")) ?? defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + "/2010-04-01/Accounts/" + FormEncoding.escape(accountSid, spaceAsPlus: false) + "/Messages.json"
        return WebhookRequest(
            url: url, method: "POST",
            headers: [
                (name: "Authorization", value: try authorization(sender)),
                (name: "Content-Type", value: "application/x-www-form-urlencoded"),
                (name: "Accept", value: "application/json"),
            ],
            body: Array(FormEncoding.encode(fields(message, statusCallback: sender.inboundURL)).utf8),
            overrides: ConnectionOverrides())
    }

    /// The form fields, in Twilio's names. On WhatsApp a template must reach Twilio as its `ContentSid` (the
    /// same template, approved in the team's Twilio account), so Switchboard's own rendering is left out; on SMS
    /// Switchboard's rendering is the `Body`, since a Switchboard `HX…` SID means nothing to Twilio.
    public static func fields(_ message: Message, statusCallback: String) -> [FormPair] {
        var fields = [FormPair("To", message.to), FormPair("From", message.from)]
        if message.channel == .whatsapp, let contentSid = message.contentSid {
            fields.append(FormPair("ContentSid", contentSid))
            if let variables = message.contentVariables { fields.append(FormPair("ContentVariables", variables)) }
        } else if !message.body.isEmpty {
            fields.append(FormPair("Body", message.body))
        }
        for media in message.mediaUrls { fields.append(FormPair("MediaUrl", media)) }
        fields.append(FormPair("StatusCallback", statusCallback))
        return fields
    }

    /// `Basic` credentials: the API key when the sender has a whole one (Twilio's advice for applications), else
    /// the account SID and auth token.
    static func authorization(_ sender: ConfiguredSender) throws(TwilioError) -> String {
        let pair: String
        if let keySid = present(sender.setting("api_key_sid")), let keySecret = present(sender.setting("api_key_secret")) {
            pair = keySid + ":" + keySecret
        } else if let accountSid = present(sender.setting("account_sid")), let token = present(sender.setting("auth_token")) {
            pair = accountSid + ":" + token
        } else {
            throw TwilioError(
                code: 20003, message: "The Twilio sender has no usable credentials: set auth_token, or api_key_sid with api_key_secret",
                httpStatus: 400)
        }
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }

    static func present(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

import Foundation
public import SwitchboardCore

/// The Send API requests that hand a message to Messenger: `POST {graph_url}/{api_version}/me/messages` with the
/// page access token as a Bearer token (kept out of the URL, so no logged or reported URL can carry it). A Send
/// API message is text or one attachment, so a message with media becomes one request per media URL, then one
/// for the text.
public enum MessengerSendRequest {
    /// Meta's Graph API root, used when the sender gives no `graph_url`.
    public static let defaultGraphURL = "https://graph.facebook.com"
    /// The Graph API version used when the sender gives no `api_version`.
    public static let defaultAPIVersion = "v23.0"

    /// The requests for `message` from `sender`, in the order to send them; throws the refusal to fail the message
    /// with when no request can be made, which no retry would change.
    public static func make(
        _ message: Message, from sender: ConfiguredSender, type: MessengerMessagingType
    ) throws(TwilioError) -> [WebhookRequest] {
        guard let token = present(sender.setting("page_access_token")) else {
            throw TwilioError(code: 20003, message: "The Messenger sender has no page_access_token", httpStatus: 400)
        }
        let recipient = String(message.to.dropFirst(message.to.hasPrefix("messenger:") ? "messenger:".count : 0))
        let contents = self.contents(of: message)
        guard !contents.isEmpty else {
            throw TwilioError(code: 21619, message: "A text message body or media urls must be specified", httpStatus: 400)
        }
        let url = endpoint(sender)
        return contents.map { content in
            WebhookRequest(
                url: url, method: "POST",
                headers: [
                    (name: "Authorization", value: "Bearer " + token),
                    (name: "Content-Type", value: "application/json"),
                    (name: "Accept", value: "application/json"),
                ],
                body: body(recipient: recipient, type: type, message: content),
                overrides: ConnectionOverrides())
        }
    }

    /// `{graph_url}/{api_version}/me/messages`.
    public static func endpoint(_ sender: ConfiguredSender) -> String {
        var base = present(sender.setting("graph_url")) ?? defaultGraphURL
        while base.hasSuffix("/") { base.removeLast() }
        let version = present(sender.setting("api_version")) ?? defaultAPIVersion
        return base + "/" + version + "/me/messages"
    }

    /// The Send API `message` objects for `message`: an attachment per media URL, then the text if there is any.
    public static func contents(of message: Message) -> [[String: Any]] {
        var contents: [[String: Any]] = message.mediaUrls.map { url in
            ["attachment": ["type": MessengerAttachmentType(url: url).rawValue, "payload": ["url": url, "is_reusable": true]]]
        }
        if !message.body.isEmpty { contents.append(["text": message.body]) }
        return contents
    }

    /// One request's JSON body.
    static func body(recipient: String, type: MessengerMessagingType, message: [String: Any]) -> [UInt8] {
        var object: [String: Any] = ["recipient": ["id": recipient], "message": message]
        for (key, value) in type.fields { object[key] = value }
        // Serialising dictionaries of strings, numbers and booleans cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    static func present(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

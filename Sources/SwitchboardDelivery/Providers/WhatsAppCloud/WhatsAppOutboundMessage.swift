import Foundation
import SwitchboardCore

/// The body of `POST /{phone-number-id}/messages` for one message: text, media by URL with the body as its
/// caption, or an approved Content template as a WhatsApp `template` message.
enum WhatsAppOutboundMessage {
    /// Why a message cannot be put to WhatsApp at all; the message fails with `code`.
    struct Unsendable: Error, Equatable {
        /// The Twilio error code.
        let code: Int
        /// Why.
        let message: String
    }

    /// The JSON object for `message`; `template` is its Content template when it names an approved one.
    static func body(for message: Message, template: ContentTemplate?) throws(Unsendable) -> [String: Any] {
        var body: [String: Any] = ["messaging_product": "whatsapp", "recipient_type": "individual", "to": recipient(message.to)]
        if let template, let call = try templateCall(template, variables: message.contentVariables) {
            body["type"] = "template"
            body["template"] = call
            return body
        }
        guard message.mediaUrls.count <= 1 else {
            throw Unsendable(code: 63005, message: "A WhatsApp message carries one media item; this one has \(message.mediaUrls.count)")
        }
        if let url = message.mediaUrls.first {
            var kind = mediaKind(url)
            // WhatsApp shows no caption under audio, so audio with text goes as a file, which keeps the text.
            if kind == "audio", !message.body.isEmpty { kind = "document" }
            var media: [String: Any] = ["link": url]
            if kind != "audio", !message.body.isEmpty { media["caption"] = message.body }
            if kind == "document", let name = URL(string: url)?.lastPathComponent, !name.isEmpty, name != "/" { media["filename"] = name }
            body["type"] = kind
            body[kind] = media
            return body
        }
        body["type"] = "text"
        body["text"] = ["body": message.body, "preview_url": message.body.contains("https://") || message.body.contains("http://")]
        return body
    }

    /// The WhatsApp id of the customer: the digits of `whatsapp:+15551234567`.
    static func recipient(_ address: String) -> String {
        String(address.drop(while: { !$0.isNumber }).filter(\.isNumber))
    }

    /// `image`, `video`, `audio` or `document`, by the URL's file extension, as WhatsApp's media types take them.
    static func mediaKind(_ url: String) -> String {
        let path = URL(string: url)?.path ?? url
        switch (path as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg", "png": return "image"
        case "mp4", "3gp", "3gpp": return "video"
        case "mp3", "ogg", "opus", "aac", "amr", "m4a": return "audio"
        default: return "document"
        }
    }

    /// The `template` object for an approved `twilio/text` or `twilio/quick-reply` template: the name it was
    /// approved under, its language, and one body parameter per placeholder in order. `nil` when the template is
    /// not one WhatsApp can carry as a template, or not approved (then its rendered text goes as text, which the
    /// window allows).
    static func templateCall(_ template: ContentTemplate, variables: String?) throws(Unsendable) -> [String: Any]? {
        guard template.approvalStatus == .approved, let content = WhatsAppTemplateText.body(of: template) else { return nil }
        let text = WhatsAppTemplateText(content.body)
        guard let values = text.values(variables: variables, defaults: template.variables) else {
            throw Unsendable(code: 63028, message: "The ContentVariables do not give every parameter of template \(template.sid)")
        }
        var call: [String: Any] = [
            "name": templateName(template),
            "language": ["code": template.language, "policy": "deterministic"],
        ]
        if !values.isEmpty {
            call["components"] = [["type": "body", "parameters": values.map { ["type": "text", "text": $0] }]]
        }
        return call
    }

    /// The name Meta knows the template by: the approval request's `name`, else its friendly name.
    static func templateName(_ template: ContentTemplate) -> String {
        if let name = template.approvalName, !name.isEmpty { return name }
        return template.friendlyName
    }
}

import Foundation
import SwitchboardCore

/// A WhatsApp Business Account webhook (`{"object": "whatsapp_business_account", "entry": [{"changes": […]}]}`)
/// read into events: `messages` changes give the customers' messages and the receipts (`statuses`) for ours;
/// `message_template_status_update` changes give Meta's decisions on submitted templates. Other fields are not
/// Switchboard's concern and are skipped.
enum WhatsAppWebhookPayload {
    /// The events of `body`, for the sender at `address` whose phone number id is `phoneNumberID`; throws 400
    /// when the body is not a webhook payload.
    static func events(_ body: [UInt8], senderAddress address: String, phoneNumberID: String?, media: WhatsAppMediaReference) throws(TwilioError) -> [ProviderEvent] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], let entries = object["entry"] as? [Any] else {
            throw .invalidParameter("The body is not a WhatsApp webhook payload: a JSON object with an entry array")
        }
        var events: [ProviderEvent] = []
        for case let entry as [String: Any] in entries {
            for case let change as [String: Any] in entry["changes"] as? [Any] ?? [] {
                guard let value = change["value"] as? [String: Any] else { continue }
                switch change["field"] as? String {
                case "messages":
                    let business = businessAddress(value, senderAddress: address, phoneNumberID: phoneNumberID)
                    for case let message as [String: Any] in value["messages"] as? [Any] ?? [] {
                        if let inbound = inboundMessage(message, to: business, media: media) { events.append(.message(inbound)) }
                    }
                    for case let status as [String: Any] in value["statuses"] as? [Any] ?? [] {
                        if let receipt = receipt(status) { events.append(receipt) }
                    }
                case "message_template_status_update":
                    if let update = templateStatus(value) { events.append(.templateStatus(update)) }
                default:
                    continue
                }
            }
        }
        return events
    }

    /// The business address a change was for: the sender's own, or, when Meta reports another of the app's phone
    /// numbers (one app webhook serves them all), that number's, so its message is kept and threaded there.
    static func businessAddress(_ value: [String: Any], senderAddress: String, phoneNumberID: String?) -> String {
        guard let metadata = value["metadata"] as? [String: Any], let id = metadata["phone_number_id"] as? String,
              let phoneNumberID, id != phoneNumberID, let display = metadata["display_phone_number"] as? String,
              let other = try? DeliveryAddress("whatsapp:+" + display.filter(\.isNumber), channel: .whatsapp)
        else { return senderAddress }
        return other.value
    }

    /// A customer's message: text, a media item (by its Graph reference, with its caption), or the chosen
    /// answer of a button or list; `nil` for kinds with nothing to show (system notices, unsupported types).
    static func inboundMessage(_ message: [String: Any], to business: String, media: WhatsAppMediaReference) -> InboundMessage? {
        guard let from = message["from"] as? String, let id = message["id"] as? String, let type = message["type"] as? String else { return nil }
        var body = ""
        var mediaUrls: [String] = []
        let part = message[type] as? [String: Any] ?? [:]
        switch type {
        case "text":
            body = part["body"] as? String ?? ""
        case "image", "video", "audio", "document", "sticker":
            body = part["caption"] as? String ?? ""
            if let mediaID = part["id"] as? String { mediaUrls = [media.url(mediaID)] }
            if let link = part["link"] as? String, mediaUrls.isEmpty { mediaUrls = [link] }
        case "button":
            body = part["text"] as? String ?? part["payload"] as? String ?? ""
        case "interactive":
            let reply = part["button_reply"] as? [String: Any] ?? part["list_reply"] as? [String: Any] ?? part["nfm_reply"] as? [String: Any] ?? [:]
            body = reply["title"] as? String ?? reply["body"] as? String ?? ""
        case "reaction":
            body = part["emoji"] as? String ?? ""
        case "location":
            let place = [part["name"] as? String, part["address"] as? String].compactMap { $0 }.joined(separator: ", ")
            let position = "\((part["latitude"] as? NSNumber)?.stringValue ?? "?"),\((part["longitude"] as? NSNumber)?.stringValue ?? "?")"
            body = place.isEmpty ? position : "\(place) (\(position))"
        case "contacts":
            body = (part.isEmpty ? message["contacts"] as? [Any] : nil).map { contacts in
                contacts.compactMap { (($0 as? [String: Any])?["name"] as? [String: Any])?["formatted_name"] as? String }.joined(separator: ", ")
            } ?? ""
        default:
            return nil
        }
        guard !body.isEmpty || !mediaUrls.isEmpty else { return nil }
        return try? InboundMessage(channel: .whatsapp, from: "whatsapp:+" + from.filter(\.isNumber), to: business, body: body,
                                   providerMessageID: id, mediaUrls: mediaUrls)
    }

    /// A receipt for one of our messages: `sent`, `delivered`, `read`, or `failed` with Meta's first error mapped
    /// to Twilio's code, as Twilio reports a WhatsApp message Meta gave up on; `nil` for other statuses.
    static func receipt(_ status: [String: Any]) -> ProviderEvent? {
        guard let id = status["id"] as? String, let name = status["status"] as? String else { return nil }
        let report: MessageStatusReport
        switch name {
        case "sent": report = MessageStatusReport(.sent)
        case "delivered": report = MessageStatusReport(.delivered)
        case "read": report = MessageStatusReport(.read)
        case "failed":
            let error = (status["errors"] as? [Any])?.first.flatMap { $0 as? [String: Any] }
                .map(WhatsAppGraphError.init(webhookError:)) ?? WhatsAppGraphError(code: nil, message: "no reason given")
            let mapped = WhatsAppErrorMapping.refusal(error)
            report = MessageStatusReport(.failed, errorCode: mapped.code, errorMessage: mapped.message)
        default:
            return nil
        }
        return .status(providerMessageID: id, report: report)
    }

    /// Meta's decision on a template: `event`, `message_template_name`, `message_template_language`, `reason`,
    /// `message_template_id`.
    static func templateStatus(_ value: [String: Any]) -> TemplateStatusUpdate? {
        guard let event = value["event"] as? String, let name = value["message_template_name"] as? String else { return nil }
        let id = (value["message_template_id"] as? NSNumber)?.stringValue ?? value["message_template_id"] as? String
        let reason = (value["reason"] as? String).flatMap { $0.isEmpty || $0 == "NONE" ? nil : $0 }
        return TemplateStatusUpdate(name: name, language: value["message_template_language"] as? String, providerTemplateID: id,
                                    event: event.uppercased(), reason: reason)
    }
}

/// Where an inbound media item can be fetched: Meta gives a media id, which the sender's Graph API (with its
/// token) turns into a download, so the message keeps the media's Graph URL.
struct WhatsAppMediaReference: Sendable {
    /// The Graph API root with its version, such as `https://graph.facebook.com/v23.0`.
    let root: String

    /// The Graph URL of media `id`.
    func url(_ id: String) -> String { root + "/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id) }
}

import Foundation
public import SwitchboardCore

/// Reads a page webhook (`object: "page"`) that Meta posted for a Messenger sender: each `entry[].messaging[]`
/// event becomes a customer's message, or a receipt given as a watermark. Echoes of the page's own messages,
/// events for other pages, and kinds Switchboard does not use (postbacks, reactions) are skipped.
public enum MessengerPageWebhook {
    /// The events in `body`, for the page `pageID` whose sender's address is `business`. Throws 400 when the body
    /// is not a page webhook.
    public static func events(in body: [UInt8], pageID: String, business: String) throws(TwilioError) -> [ProviderEvent] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], object["object"] as? String == "page" else {
            throw .invalidParameter("The request is not a Messenger page webhook")
        }
        var events: [ProviderEvent] = []
        for entry in object["entry"] as? [[String: Any]] ?? [] {
            // An app subscribed to several pages posts each page's events to the URL it has; they are not this sender's.
            if let id = text(entry["id"]), id != pageID { continue }
            for event in entry["messaging"] as? [[String: Any]] ?? [] {
                guard let customer = text((event["sender"] as? [String: Any])?["id"]), customer != pageID else { continue }
                events += try self.events(of: event, customer: "messenger:" + customer, business: business)
            }
        }
        return events
    }

    /// The events of one `messaging` item from `customer`.
    static func events(of event: [String: Any], customer: String, business: String) throws(TwilioError) -> [ProviderEvent] {
        if let message = event["message"] as? [String: Any] {
            guard message["is_echo"] as? Bool != true else { return [] }
            let media = (message["attachments"] as? [[String: Any]] ?? []).compactMap { text(($0["payload"] as? [String: Any])?["url"]) }
            let inbound = try InboundMessage(
                channel: .messenger, from: customer, to: business, body: text(message["text"]) ?? "",
                providerMessageID: text(message["mid"]), mediaUrls: media)
            return [.message(inbound)]
        }
        if let delivery = event["delivery"] as? [String: Any] {
            let ids = (delivery["mids"] as? [Any] ?? []).compactMap(text)
            let through = watermark(delivery["watermark"]) ?? .distantPast
            return [.watermark(ReceiptWatermark(
                status: .delivered, channel: .messenger, business: business, customer: customer, through: through, providerMessageIDs: ids))]
        }
        if let read = event["read"] as? [String: Any], let through = watermark(read["watermark"]) {
            return [.watermark(ReceiptWatermark(status: .read, channel: .messenger, business: business, customer: customer, through: through))]
        }
        return []
    }

    /// A watermark in milliseconds since 1970, as a date.
    static func watermark(_ value: Any?) -> Date? {
        guard let number = value as? NSNumber else { return nil }
        return Date(timeIntervalSince1970: number.doubleValue / 1000)
    }

    /// A string, or a number given where Meta documents a string id.
    static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string.isEmpty ? nil : string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }
}

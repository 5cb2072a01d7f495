import Foundation

/// An error as Meta's Graph API writes it, for WhatsApp and Messenger alike: an answer's `error` member
/// (`message`, `type`, `code`, `error_subcode`) or a webhook's `errors[]` item (`code`, `title`, `message`,
/// `error_data.details`). Read once here; each connector words it in its own messages.
struct GraphError: Sendable, Equatable {
    /// Meta's code, such as 131047; a code written as text counts too.
    var code: Int?
    /// Meta's subcode, such as 2018278.
    var subcode: Int?
    /// The `message`, when not empty.
    var message: String?
    /// The webhook item's `title`, when not empty.
    var title: String?
    /// The webhook item's `error_data.details`, when not empty.
    var details: String?

    /// The `error` member of an answer's JSON body, if it holds one.
    init?(answer body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let error = object["error"] as? [String: Any]
        else { return nil }
        self.init(error)
    }

    /// The error object `error`.
    init(_ error: [String: Any]) {
        func number(_ key: String) -> Int? {
            (error[key] as? NSNumber)?.intValue ?? (error[key] as? String).flatMap { Int($0) }
        }
        func text(_ value: Any?) -> String? {
            (value as? String).flatMap { $0.isEmpty ? nil : $0 }
        }
        code = number("code")
        subcode = number("error_subcode")
        message = text(error["message"])
        title = text(error["title"])
        details = text((error["error_data"] as? [String: Any])?["details"])
    }
}

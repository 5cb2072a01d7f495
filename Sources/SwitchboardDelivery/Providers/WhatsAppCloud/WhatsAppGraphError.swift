import Foundation

/// An error as the Graph API answers it: `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`,
/// or as a failed status in a webhook gives it (`errors[0]`: `code`, `title`, `message`).
struct WhatsAppGraphError: Sendable, Equatable {
    /// Meta's code, such as 131047.
    var code: Int?
    /// Meta's explanation.
    var message: String

    /// Creates the value.
    init(code: Int?, message: String) {
        self.code = code
        self.message = message
    }

    /// The error of a Graph API answer's body, if it holds one.
    init?(answer body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let error = object["error"] as? [String: Any]
        else { return nil }
        self.init(webhookError: error)
    }

    /// The error of a webhook's `errors[]` item, or of an answer's `error` member.
    init(webhookError error: [String: Any]) {
        code = (error["code"] as? NSNumber)?.intValue ?? (error["code"] as? String).flatMap { Int($0) }
        let details = (error["error_data"] as? [String: Any])?["details"] as? String
        let text = [error["message"] as? String, error["title"] as? String, details].compactMap { $0 }.first { !$0.isEmpty }
        // Meta's messages never hold the token, but a proxy's could quote a request; keep it to one short line.
        message = String((text ?? "no explanation").prefix(300)).replacingOccurrences(of: "\n", with: " ")
    }

    /// Meta's code and message as kept on a failed message: `WhatsApp 131047: Re-engagement message`.
    var quoted: String { "WhatsApp \(code.map(String.init) ?? "error"): \(message)" }
}

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
        guard let error = GraphError(answer: body) else { return nil }
        self.init(error)
    }

    /// The error of a webhook's `errors[]` item, or of an answer's `error` member.
    init(webhookError error: [String: Any]) {
        self.init(GraphError(error))
    }

    /// Meta's code, and its first explanation of message, title and details.
    init(_ error: GraphError) {
        code = error.code
        let text = error.message ?? error.title ?? error.details
        // Meta's messages never hold the token, but a proxy's could quote a request; keep it to one short line.
        message = String((text ?? "no explanation").prefix(300)).replacingOccurrences(of: "\n", with: " ")
    }

    /// Meta's code and message as kept on a failed message: `WhatsApp 131047: Re-engagement message`.
    var quoted: String { "WhatsApp \(code.map(String.init) ?? "error"): \(message)" }
}

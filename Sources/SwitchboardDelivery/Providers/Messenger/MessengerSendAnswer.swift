import Foundation
public import SwitchboardCore

/// What the Send API's answer means for a message: taken (with Meta's `message_id`), refused for good (with the
/// Twilio code Meta's error maps to, keeping Meta's own code and message in the text), or worth trying again.
public enum MessengerSendAnswer {
    /// The code for a refusal Meta's error does not map to: 30008, Unknown error.
    public static let unknownErrorCode = 30008
    /// Graph codes that ask the caller to slow down or try later: temporary failure (2), app and page rate limits
    /// (4, 613), Messenger's own rate limit (80006) and temporary send failure (1200).
    public static let retriedCodes: Set<Int> = [2, 4, 613, 1200, 80006]

    /// The receipt for `result`; throws ``ConnectorUnavailable`` when Meta could not be reached, timed out, failed
    /// (5xx), or answered with a rate limit.
    public static func receipt(for result: WebhookResult) throws(ConnectorUnavailable) -> ConnectorReceipt {
        switch ProviderReply(result, provider: "Messenger") {
        case .notAllowed(let reason):
            return ConnectorReceipt(.refused(errorCode: unknownErrorCode, message: "The sender's Messenger graph_url is not allowed: \(reason)"))
        case .unreachable(let reason):
            throw ConnectorUnavailable(reason)
        case .answered(let status, let body):
            let answer = GraphAnswerBody(body)
            if (200..<300).contains(status) { return ConnectorReceipt(.accepted(providerMessageID: answer.messageID)) }
            if ProviderReply.isTemporary(status) || answer.code.map(retriedCodes.contains) == true {
                throw ConnectorUnavailable("Messenger answered HTTP \(status)" + answer.detail)
            }
            let (code, meaning) = twilioError(for: answer, status: status)
            return ConnectorReceipt(.refused(errorCode: code, message: meaning + answer.detail))
        }
    }

    /// The Twilio code for a refusal, and a sentence that says what it means for the sender.
    static func twilioError(for answer: GraphAnswerBody, status: Int) -> (Int, String) {
        switch (answer.code, answer.subcode) {
        case (551, _), (10, 2018278):
            (63016, "Failed to send freeform message because you are outside the allowed window")
        case (190, _):
            (20003, "The sender's Messenger page_access_token is expired or invalid; set a new one on the sender")
        case (100, 2018001):
            (21211, "The 'To' Messenger user is not known to this page")
        default:
            (unknownErrorCode, "Messenger refused the message (HTTP \(status))")
        }
    }
}

/// The parts of a Graph answer's JSON body that matter here: a sent message's `message_id`, or an `error` object's
/// `code`, `error_subcode` and `message`.
struct GraphAnswerBody {
    var messageID: String?
    var code: Int?
    var subcode: Int?
    var message: String?

    init(_ body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return }
        messageID = (object["message_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        guard let error = object["error"] as? [String: Any] else { return }
        let graph = GraphError(error)
        (code, subcode, message) = (graph.code, graph.subcode, graph.message)
    }

    /// Meta's code, subcode and message, as ` (Messenger 10/2018278: …)`.
    var detail: String {
        guard code != nil || message != nil else { return "" }
        let number = code.map { code in subcode.map { "\(code)/\($0)" } ?? "\(code)" }
        return " (Messenger" + (number.map { " " + $0 } ?? "") + (message.map { ": " + $0 } ?? "") + ")"
    }
}

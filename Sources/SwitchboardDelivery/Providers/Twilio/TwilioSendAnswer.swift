import Foundation
public import SwitchboardCore

/// What Twilio's answer to `POST Messages.json` means for the message: taken (with Twilio's `sid`), refused for
/// good (with Twilio's own code and text, which already are Twilio codes), or worth trying again later.
public enum TwilioSendAnswer {
    /// The code a refusal carries when Twilio's answer names none: 30008, Unknown error.
    public static let unknownErrorCode = 30008

    /// The receipt for `result`; throws ``ConnectorUnavailable`` when Twilio could not be reached, timed out,
    /// failed (5xx) or asked to slow down (429).
    public static func receipt(for result: WebhookResult) throws(ConnectorUnavailable) -> ConnectorReceipt {
        switch ProviderReply(result, provider: "Twilio") {
        case .notAllowed(let reason):
            return ConnectorReceipt(.refused(errorCode: unknownErrorCode, message: "The sender's Twilio base_url is not allowed: \(reason)"))
        case .unreachable(let reason):
            throw ConnectorUnavailable(reason)
        case .answered(let status, let body):
            let answer = TwilioAnswerBody(body)
            if ProviderReply.isTemporary(status) { throw ConnectorUnavailable("Twilio answered HTTP \(status)" + answer.detail) }
            switch status {
            case 200..<300:
                return ConnectorReceipt(.accepted(providerMessageID: answer.sid))
            case 401, 403:
                let code = answer.code ?? 20003
                return ConnectorReceipt(.refused(
                    errorCode: code, message: "Twilio refused the sender's credentials (\(code)" + (answer.message.map { ": " + $0 } ?? "") + ")"))
            default:
                let code = answer.code ?? unknownErrorCode
                let text = answer.message ?? "Twilio answered HTTP \(status)"
                return ConnectorReceipt(.refused(errorCode: code, message: "\(text) (Twilio \(code))"))
            }
        }
    }
}

/// The parts of a Twilio answer's JSON body that matter here: a message's `sid`, or an error's `code` and `message`.
struct TwilioAnswerBody {
    var sid: String?
    var code: Int?
    var message: String?

    init(_ body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return }
        sid = (object["sid"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        code = (object["code"] as? NSNumber)?.intValue ?? (object["code"] as? String).flatMap { Int($0) }
        message = (object["message"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Twilio's code and message, for a retry's reason in the log and the sender's health.
    var detail: String {
        switch (code, message) {
        case let (code?, message?): " (\(code): \(message))"
        case let (code?, nil): " (\(code))"
        case let (nil, message?): " (\(message))"
        case (nil, nil): ""
        }
    }
}

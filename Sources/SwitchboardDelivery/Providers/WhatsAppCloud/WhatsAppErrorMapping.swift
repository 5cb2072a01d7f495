/// Meta's WhatsApp error codes as Twilio's: what fails a message for good (with which Twilio code), and what is
/// worth another try. Meta's own code and message stay in the text.
enum WhatsAppErrorMapping {
    /// Meta's codes for throttling and passing outages, which the outbox retries with its backoff: 1 and 2
    /// (temporary), 4 and 17 (call rate), 80007 (account rate), 130429 (throughput), 131000 (something went
    /// wrong), 131016 (service unavailable), 131056 (pair rate), 133004 (server unavailable).
    static let retried: Set<Int> = [1, 2, 4, 17, 80007, 130429, 131000, 131016, 131056, 133004]

    /// Whether Meta's `code` asks for a retry.
    static func isRetried(_ code: Int?) -> Bool {
        code.map(retried.contains) ?? false
    }

    /// The Twilio code for a refusal with Meta's `error`, with the text to keep on the message.
    static func refusal(_ error: WhatsAppGraphError) -> (code: Int, message: String) {
        switch error.code {
        case 131047:
            // 63016: outside the customer-care window; only a template may start the conversation again.
            return (63016, "Failed to send freeform message because you are outside the allowed window (\(error.quoted))")
        case 190:
            // 63001, "Channel could not authenticate the request": Twilio's code for a WhatsApp sender whose
            // credentials Meta refuses. The sender's health shows it; the fix is a new token in its Settings.
            return (63001, "The sender's WhatsApp access token is invalid or has expired; set a new access_token in its Settings (\(error.quoted))")
        case 10, 200, 294, 131005:
            // 63001 as well: the token lacks a permission the send needs.
            return (63001, "The sender's WhatsApp access token lacks a permission this send needs (\(error.quoted))")
        case 131026, 131030:
            // 63024: the recipient cannot receive WhatsApp messages from this business (or is not on a test
            // number's allowed list).
            return (63024, "Invalid message recipient (\(error.quoted))")
        case 100, 131009, 131008:
            // An invalid parameter: 21211 when Meta names the recipient, else the content was not accepted.
            let aboutRecipient = ["recipient", "phone number", "'to'", "\"to\"", "param to", "to parameter"].contains { error.message.lowercased().contains($0) }
            return aboutRecipient
                ? (21211, "Invalid 'To' Phone Number (\(error.quoted))")
                : (63005, "WhatsApp did not accept the message's content (\(error.quoted))")
        case 131051, 131052, 131053:
            // 63019: the media could not be downloaded or is of a type WhatsApp does not carry.
            return (63019, "Media failed to download or is not supported (\(error.quoted))")
        case 132000, 132012:
            // 63028: the template's parameters do not match.
            return (63028, "Number of parameters provided does not match the template (\(error.quoted))")
        case 132001:
            // 63027: Meta has no template of this name in this language.
            return (63027, "Template does not exist for this language and locale (\(error.quoted))")
        case 132005, 132007, 132015, 132016:
            // 63013: the template breaks, or was paused or disabled under, WhatsApp's policies.
            return (63013, "This message violates a WhatsApp channel policy (\(error.quoted))")
        case 368, 131031, 131042, 131048, 131049:
            // 63013 also for a business restricted for policy reasons, a locked or unpaid account, or spam limits.
            return (63013, "WhatsApp refused the message under its policies (\(error.quoted))")
        default:
            // 30008, "Unknown error": Meta refused for a reason Twilio has no code for; Meta's is in the text.
            return (30008, "WhatsApp refused the message (\(error.quoted))")
        }
    }
}

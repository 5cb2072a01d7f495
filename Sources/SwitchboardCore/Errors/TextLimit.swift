/// A documented ceiling on the size of one text parameter, and the error Twilio answers past it: the one place
/// Switchboard bounds what a client may store, so no single request can make every later one slow.
public struct TextLimit: Sendable, Equatable {
    /// How a text is measured against the limit.
    public enum Measure: Sendable, Equatable {
        /// Characters as a reader counts them (extended grapheme clusters), as Twilio counts an SMS body.
        case characters
        /// UTF-8 bytes, as Twilio counts JSON attributes and chat bodies ("16 KB", "32 KiB").
        case utf8Bytes
    }

    /// The largest size accepted.
    public let maximum: Int
    /// What `maximum` counts.
    public let measure: Measure
    /// Twilio's error code for a text past the limit.
    public let code: Int

    /// Creates a limit.
    public init(maximum: Int, measure: Measure, code: Int = 20001) {
        self.maximum = maximum
        self.measure = measure
        self.code = code
    }

    /// Throws `code` (HTTP 400) naming `parameter` when `text` is larger than the limit.
    public func check(_ text: String, parameter: String) throws(TwilioError) {
        // Counting stops one past the limit, so a megabyte is refused without walking all of it.
        let size: Int
        switch measure {
        case .characters: size = text.prefix(maximum + 1).count
        case .utf8Bytes: size = text.utf8.prefix(maximum + 1).count
        }
        guard size <= maximum else {
            let unit = measure == .characters ? "character" : "byte"
            throw TwilioError(code: code, message: "\(parameter) exceeds the \(maximum) \(unit) limit", httpStatus: 400)
        }
    }
}

extension TextLimit {
    /// An SMS, WhatsApp or Messenger body on `Messages.json`: 1,600 characters, Twilio's 21617.
    public static let messageBody = TextLimit(maximum: 1600, measure: .characters, code: 21617)

    /// A Conversations message body: 1,600 characters, the limit Twilio's Conversations Limits page gives for SMS
    /// and WhatsApp, which every Conversation here may reach.
    public static let conversationMessageBody = TextLimit(maximum: 1600, measure: .characters)

    /// A Programmable Chat message body: 32 KiB, Twilio's 50504 ("Message body parameter is too long").
    public static let chatMessageBody = TextLimit(maximum: 32 * 1024, measure: .utf8Bytes, code: 50504)

    /// JSON `Attributes` of any resource (TaskRouter workers and tasks, Chat, Conversations): 16 KB, whitespace
    /// included, the largest attributes limit Twilio documents (a Conversation's); TaskRouter's Limits page counts
    /// attributes the same way.
    public static let attributes = TextLimit(maximum: 16 * 1024, measure: .utf8Bytes)

    /// A TaskRouter expression (`TargetWorkers`, a workflow filter or target, `EvaluateTaskAttributes`). Twilio
    /// documents no number for this, so the limit is a conservative choice: the size of an attributes document,
    /// far beyond any expression a queue or workflow needs, and small enough that matching stays cheap.
    public static let expression = TextLimit(maximum: 16 * 1024, measure: .utf8Bytes)
}

public import SwitchboardCore

/// One HTTP request to an application, ready to send.
public struct WebhookRequest: Sendable, Equatable {
    /// The URL to request (no fragment; `bodySHA256` added for JSON).
    public var url: String
    /// `POST` or `GET`.
    public var method: String
    /// The headers, signature and idempotency token included.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// The connection settings from the configured URL's fragment.
    public var overrides: ConnectionOverrides
    /// How much of the answer's body to read; an answer longer than this reads as empty.
    public var answerLimit: Int

    /// The answer limit of a webhook, more than any instruction in an answer needs.
    public static let webhookAnswerLimit = 64 * 1024

    /// Creates a request.
    public init(
        url: String, method: String, headers: [(name: String, value: String)], body: [UInt8], overrides: ConnectionOverrides,
        answerLimit: Int = WebhookRequest.webhookAnswerLimit
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.overrides = overrides
        self.answerLimit = answerLimit
    }

    /// The value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func == (lhs: WebhookRequest, rhs: WebhookRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.body == rhs.body && lhs.overrides == rhs.overrides && lhs.answerLimit == rhs.answerLimit
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// How webhooks reach applications: HTTP by default, a fake in tests.
public protocol WebhookTransport: Sendable {
    /// Sends `request`, retrying at once as its overrides' `rc` and `rp` allow within `tt`, and says how the last
    /// attempt ended. A target refused by the address guard is ``WebhookResult/refused(_:)``.
    func send(_ request: WebhookRequest) async -> WebhookResult
}

/// How a webhook request ended.
public enum WebhookResult: Sendable, Equatable {
    /// It reached the application, which answered or timed out as the attempt result says; `body` is the start
    /// of the answer's body (empty when there was none).
    case attempted(DeliveryAttemptResult, body: [UInt8] = [])
    /// It was not sent: the target is not allowed (a private address, a malformed URL).
    case refused(String)
}

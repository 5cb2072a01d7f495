public import Foundation

/// Something waiting to leave Switchboard, written in the same transaction as the change that caused it, so that
/// what a client saw committed is never lost on the way out.
public struct OutboxEntry: Sendable, Equatable {
    /// The `OE…` SID; also the `I-Twilio-Idempotency-Token` sent with every attempt.
    public var sid: String
    /// The account whose change caused it, and whose auth token signs it.
    public var accountSid: String
    /// What is to be delivered.
    public var work: OutboxWork
    /// Whether it is still to go, went (kept for the retention period), or failed for good.
    public var status: OutboxStatus
    /// Attempts made so far.
    public var attempts: Int
    /// When the first attempt began, in milliseconds since 1970; the retry window counts from it.
    public var firstAttemptAt: Int64?
    /// The earliest time of the next attempt, in milliseconds since 1970.
    public var nextAttemptAt: Int64
    /// Why the last attempt failed.
    public var lastError: String?
    /// When the last attempt ended, in milliseconds since 1970; a delivered entry is kept for a while from then.
    public var lastAttemptAt: Int64?
    /// The HTTP status the last attempt was answered with; `nil` for channel messages and unanswered attempts.
    public var lastResponseCode: Int?
    /// When it was written.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date
    /// Entries with the same key leave one at a time, in the order they were written: the messages from one
    /// address to another, so a customer reads an agent's messages in the order they were sent.
    public var orderingKey: String?

    /// Creates an entry due at once.
    public init(
        sid: String, accountSid: String, work: OutboxWork, status: OutboxStatus = .pending, attempts: Int = 0,
        firstAttemptAt: Int64? = nil, nextAttemptAt: Int64, lastError: String? = nil, lastAttemptAt: Int64? = nil,
        lastResponseCode: Int? = nil, dateCreated: Date, dateUpdated: Date, orderingKey: String? = nil
    ) {
        self.orderingKey = orderingKey
        self.lastAttemptAt = lastAttemptAt
        self.lastResponseCode = lastResponseCode
        self.sid = sid
        self.accountSid = accountSid
        self.work = work
        self.status = status
        self.attempts = attempts
        self.firstAttemptAt = firstAttemptAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// An entry due at once for `work`, after any earlier entry with its `orderingKey`.
    public static func due(_ work: OutboxWork, sid: String, accountSid: String, now: Date, orderingKey: String? = nil) -> OutboxEntry {
        OutboxEntry(sid: sid, accountSid: accountSid, work: work, nextAttemptAt: OutboxClock.milliseconds(now), dateCreated: now,
                    dateUpdated: now, orderingKey: orderingKey)
    }
}

/// Where an outbox entry is in its life.
public enum OutboxStatus: String, Sendable, CaseIterable {
    /// Waiting for its first or next attempt.
    case pending
    /// Delivered.
    case delivered
    /// Given up on, with the reason in `lastError`.
    case failed
}

/// What an outbox entry delivers.
public enum OutboxWork: Sendable, Equatable {
    /// A message to a customer over its channel, by SID.
    case message(sid: String)
    /// An HTTP request to an application's webhook.
    case webhook(WebhookCall)

    /// The stored name of the kind of work.
    public var kind: String {
        switch self {
        case .message: "message"
        case .webhook: "webhook"
        }
    }
}

/// An HTTP request to an application, made and signed as Twilio makes it.
public struct WebhookCall: Sendable, Equatable {
    /// The configured URL, connection-override fragment included.
    public var url: String
    /// `POST` or `GET`.
    public var method: String
    /// The parameters or JSON document.
    public var body: WebhookBody
    /// What the call reports, such as `message-status` or `taskrouter-event`, for logs and the failure list.
    public var purpose: String
    /// Where to send the same call when `url` does not answer with success, as Twilio's fallback URLs do.
    public var fallbackUrl: String?
    /// How to request `fallbackUrl` when it differs from `method`, as a phone number's `SmsFallbackMethod` may;
    /// `nil` requests it as `url` is requested.
    public var fallbackMethod: String?

    /// Creates a call.
    public init(url: String, method: String = "POST", body: WebhookBody, purpose: String, fallbackUrl: String? = nil, fallbackMethod: String? = nil) {
        self.url = url
        self.method = method
        self.body = body
        self.purpose = purpose
        self.fallbackUrl = fallbackUrl
        self.fallbackMethod = fallbackMethod
    }
}

/// A webhook's payload.
public enum WebhookBody: Sendable, Equatable {
    /// `application/x-www-form-urlencoded` parameters, in order; signed over the URL and the sorted pairs.
    case form([FormPair])
    /// A JSON document; signed with `bodySHA256` in the URL.
    case json(String)
}

/// One form parameter.
public struct FormPair: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// Its value.
    public var value: String

    /// Creates a pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The outbox's time unit.
public enum OutboxClock {
    /// `date` in whole milliseconds since 1970.
    public static func milliseconds(_ date: Date) -> Int64 {
        date.wholeMillisecondsSince1970
    }
}

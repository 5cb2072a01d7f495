public import struct Foundation.Date

/// A Proxy Session: two participants talking through proxy identifiers, threaded by (identifier, proxy identifier).
public struct ProxySession: Sendable, Equatable, Codable {
    /// The `KC…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service.
    public var serviceSid: String
    /// A name unique in the service, when given.
    public var uniqueName: String?
    /// Seconds without interactions after which the session closes; 0 is never.
    public var ttl: Int
    /// `message-only`, `voice-only` or `voice-and-message`.
    public var mode: String
    /// `open`, `in-progress`, `closed`, `failed` or `unknown`.
    public var status: String
    /// Why the session closed, empty while it is open.
    public var closedReason: String
    /// An absolute end set by the client.
    public var dateExpiry: Date?
    /// When it started.
    public var dateStarted: Date
    /// When it closed.
    public var dateEnded: Date?
    /// When something was last relayed.
    public var dateLastInteraction: Date?
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a session value.
    public init(sid: String, accountSid: String, serviceSid: String, uniqueName: String?, ttl: Int, mode: String, status: String,
                closedReason: String, dateExpiry: Date?, dateStarted: Date, dateEnded: Date?, dateLastInteraction: Date?,
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.uniqueName = uniqueName
        self.ttl = ttl
        self.mode = mode
        self.status = status
        self.closedReason = closedReason
        self.dateExpiry = dateExpiry
        self.dateStarted = dateStarted
        self.dateEnded = dateEnded
        self.dateLastInteraction = dateLastInteraction
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether it still relays: open or in progress.
    public var isOpen: Bool { status == "open" || status == "in-progress" }

    /// When it closes by itself: its `DateExpiry`, or `Ttl` seconds after the last interaction (or the start),
    /// whichever comes first; `nil` when neither applies.
    public var expiresAt: Date? {
        let idle = ttl > 0 ? (dateLastInteraction ?? dateStarted).addingTimeInterval(Double(ttl)) : nil
        switch (dateExpiry, idle) {
        case let (expiry?, idle?): return min(expiry, idle)
        case let (expiry?, nil): return expiry
        case let (nil, idle?): return idle
        case (nil, nil): return nil
        }
    }
}

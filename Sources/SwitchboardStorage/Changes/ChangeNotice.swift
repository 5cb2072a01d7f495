/// What kind of row a ``ChangeNotice`` is about.
public enum ChangeTopic: String, Sendable, CaseIterable {
    /// An account: its status or auth token.
    case account
    /// An API key: its existence or secret.
    case apiKey = "api_key"
}

/// "The rows of `topic` identified by `key` changed": sent by the unit of work that changes them, heard by every
/// cache of them, in this process after the commit and in other processes through PostgreSQL's NOTIFY.
public struct ChangeNotice: Sendable, Hashable, CustomStringConvertible {
    /// What kind of row changed.
    public var topic: ChangeTopic
    /// Which one: the SID a cache keys it by.
    public var key: String

    /// Creates a notice.
    public init(topic: ChangeTopic, key: String) {
        self.topic = topic
        self.key = key
    }

    /// The NOTIFY channel every `serve` process on one database listens on.
    public static let channel = "switchboard_changes"

    /// The NOTIFY payload: `topic:key`. SIDs hold no colon, so the first one separates.
    public var payload: String { "\(topic.rawValue):\(key)" }

    /// The notice a NOTIFY payload carries; `nil` for one this version does not know.
    public init?(payload: String) {
        guard let colon = payload.firstIndex(of: ":"), let topic = ChangeTopic(rawValue: String(payload[..<colon])) else { return nil }
        self.init(topic: topic, key: String(payload[payload.index(after: colon)...]))
    }

    public var description: String { payload }
}

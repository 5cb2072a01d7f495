public import SwitchboardCore

/// What an agent's event stream reads: the TaskRouter events and the conversation message changes that concern
/// one worker, each in the order they became final, after a position the stream has already passed.
public protocol AgentFeedRepository: Sendable {
    /// The workspace's events of these types concerning the worker after `position`, in feed order, at most
    /// `limit`: its own (reservations, activity) and those of tasks it holds or held a reservation for.
    func events(workspaceSid: String, workerSid: String, types: [String], after position: FeedPosition, limit: Int) async throws
        -> [(position: FeedPosition, event: TaskRouterEvent)]
    /// Where the workspace's event feed ends now: a stream starting here sees only what happens from now on.
    func eventsEnd(workspaceSid: String) async throws -> FeedPosition
    /// Messages of these conversations added, or whose delivery status changed, after `position`, in feed order,
    /// at most `limit`.
    func messageChanges(conversationSids: [String], after position: FeedPosition, limit: Int) async throws -> [ConversationMessageChange]
    /// Where the message change feed ends now.
    func messageChangesEnd() async throws -> FeedPosition
    /// The attributes of the tasks the worker holds a live (pending, accepted or wrapping) reservation for.
    func liveTaskAttributes(workerSid: String) async throws -> [String]
}

/// A place in a feed: the writing transaction, then the row's sequence number. Rows become readable only once
/// every older transaction has finished, so a reader that has passed a position never finds a new row before it.
public struct FeedPosition: Sendable, Hashable, Comparable {
    /// The writing transaction's ID on PostgreSQL; 0 on SQLite, which has one writer.
    public var transaction: Int64
    /// The row's sequence number.
    public var seq: Int64

    /// Before every row.
    public static let start = FeedPosition(transaction: 0, seq: 0)

    /// Creates a position.
    public init(transaction: Int64, seq: Int64) {
        self.transaction = transaction
        self.seq = seq
    }

    public static func < (lhs: FeedPosition, rhs: FeedPosition) -> Bool {
        (lhs.transaction, lhs.seq) < (rhs.transaction, rhs.seq)
    }
}

/// A conversation message that was added or whose delivery status changed.
public struct ConversationMessageChange: Sendable, Equatable {
    /// Where the change is in the feed.
    public var position: FeedPosition
    /// The conversation's `CH…` SID.
    public var conversationSid: String
    /// The message's `IM…` SID.
    public var messageSid: String

    /// Creates a change.
    public init(position: FeedPosition, conversationSid: String, messageSid: String) {
        self.position = position
        self.conversationSid = conversationSid
        self.messageSid = messageSid
    }
}

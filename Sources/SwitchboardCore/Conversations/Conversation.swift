public import struct Foundation.Date

/// Where a conversation is in its life; only `active` and `inactive` conversations carry messages.
public enum ConversationState: String, Sendable, CaseIterable {
    /// Being set up.
    case initializing
    /// Open, with no recent activity.
    case inactive
    /// Open.
    case active
    /// Finished; no more messages, and its addresses are free for a new conversation.
    case closed
}

/// A Conversations v1 conversation (`CH…`): the thread an agent and a customer's channel share.
public struct Conversation: Sendable, Equatable {
    /// The `CH…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// `friendly_name`.
    public var friendlyName: String?
    /// `unique_name`, unique in the account when set.
    public var uniqueName: String?
    /// The attributes JSON as sent.
    public var attributes: String
    /// The state.
    public var state: ConversationState
    /// When it becomes inactive without activity (`timers.date_inactive`).
    public var dateInactive: Date?
    /// When it closes without activity (`timers.date_closed`).
    public var dateClosed: Date?
    /// The next `index` a message gets.
    public var nextMessageIndex: Int
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a conversation value.
    public init(
        sid: String, accountSid: String, friendlyName: String?, uniqueName: String?, attributes: String,
        state: ConversationState, dateInactive: Date?, dateClosed: Date?, nextMessageIndex: Int, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.uniqueName = uniqueName
        self.attributes = attributes
        self.state = state
        self.dateInactive = dateInactive
        self.dateClosed = dateClosed
        self.nextMessageIndex = nextMessageIndex
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether messages may still be added.
    public var isOpen: Bool { state != .closed }
}

public import Foundation

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
    /// The service it lives in; `nil` for the account's default service, so conversations opened by paths that
    /// know nothing of services land there.
    public var chatServiceSid: String?
    /// `friendly_name`.
    public var friendlyName: String?
    /// `unique_name`, unique in its service when set.
    public var uniqueName: String?
    /// The attributes JSON as sent.
    public var attributes: String
    /// The state.
    public var state: ConversationState
    /// When it becomes inactive without activity (`timers.date_inactive`).
    public var dateInactive: Date?
    /// When it closes without activity (`timers.date_closed`).
    public var dateClosed: Date?
    /// `Timers.Inactive`: how long after its last activity it becomes inactive.
    public var inactiveAfter: TimeInterval?
    /// `Timers.Closed`: how long after its last activity it closes.
    public var closedAfter: TimeInterval?
    /// The next `index` a message gets.
    public var nextMessageIndex: Int
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a conversation value.
    public init(
        sid: String, accountSid: String, friendlyName: String?, uniqueName: String?, attributes: String,
        state: ConversationState, dateInactive: Date?, dateClosed: Date?, inactiveAfter: TimeInterval? = nil, closedAfter: TimeInterval? = nil,
        nextMessageIndex: Int, dateCreated: Date, dateUpdated: Date, chatServiceSid: String? = nil
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.chatServiceSid = chatServiceSid
        self.friendlyName = friendlyName
        self.uniqueName = uniqueName
        self.attributes = attributes
        self.state = state
        self.dateInactive = dateInactive
        self.dateClosed = dateClosed
        self.inactiveAfter = inactiveAfter
        self.closedAfter = closedAfter
        self.nextMessageIndex = nextMessageIndex
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether messages may still be added.
    public var isOpen: Bool { state != .closed }

    /// Restarts the timers from `now`, as activity (a message) does: an active conversation's inactive timer and an
    /// open conversation's closed timer count from its last activity.
    public mutating func restartTimers(at now: Date) {
        dateInactive = state == .active ? inactiveAfter.map(now.addingTimeInterval) : nil
        dateClosed = isOpen ? closedAfter.map(now.addingTimeInterval) : nil
    }

    /// What the timers call for at `now`: `closed` once the closed timer ran out, else `inactive` once the inactive
    /// timer of an active conversation ran out; `nil` when nothing is due.
    public func timerOutcome(at now: Date) -> ConversationState? {
        if isOpen, let closed = dateClosed, closed <= now { return .closed }
        if state == .active, let inactive = dateInactive, inactive <= now { return .inactive }
        return nil
    }
}

/// Which conversations belong to one service: those stored with its SID and, for the account's default service,
/// those stored without one.
public struct ConversationServiceFilter: Sendable, Equatable {
    /// The `IS…` SID.
    public var serviceSid: String
    /// Whether it is the account's default service.
    public var isDefault: Bool

    /// Creates a filter.
    public init(serviceSid: String, isDefault: Bool) {
        self.serviceSid = serviceSid
        self.isDefault = isDefault
    }

    /// What a conversation of this service stores: `nil` in the default service.
    public var storedServiceSid: String? { isDefault ? nil : serviceSid }
}

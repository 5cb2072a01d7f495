public import struct Foundation.Date

/// Whether a user is notified of a conversation's new messages (`notification_level`).
public enum ConversationNotificationLevel: String, Sendable, CaseIterable {
    /// Notified as the service's notification settings say.
    case `default`
    /// Not notified.
    case muted
}

/// What an update does to the read horizon: `LastReadMessageIndex` is nullable, and an empty value clears it.
public enum ReadHorizonChange: Sendable, Equatable {
    /// The last message read is now the one at this index.
    case moved(Int)
    /// Nothing is read any more.
    case cleared
}

/// How far a participant has read its conversation, and whether it wants to hear of it: the per-user part of a
/// `user_conversation`, kept on the participant because a user takes part in a conversation through its participant.
public struct ParticipantReadState: Sendable, Equatable {
    /// The index of the last message read; `nil` until the read horizon is first set.
    public var lastReadMessageIndex: Int?
    /// When the read horizon last moved.
    public var lastReadTimestamp: Date?
    /// The notification level.
    public var notificationLevel: ConversationNotificationLevel

    /// Creates a read state; a new participant has read nothing and has the default notification level.
    public init(lastReadMessageIndex: Int? = nil, lastReadTimestamp: Date? = nil, notificationLevel: ConversationNotificationLevel = .default) {
        self.lastReadMessageIndex = lastReadMessageIndex
        self.lastReadTimestamp = lastReadTimestamp
        self.notificationLevel = notificationLevel
    }

    /// The state after an update of a user conversation (`NotificationLevel`, `LastReadMessageIndex`,
    /// `LastReadTimestamp`). Moving the horizon without a timestamp stamps it `now`, as Twilio does.
    public func updated(
        notificationLevel: String?, lastReadMessageIndex: ReadHorizonChange?, lastReadTimestamp: Date?, now: Date
    ) throws(TwilioError) -> ParticipantReadState {
        var state = self
        if let notificationLevel {
            guard let level = ConversationNotificationLevel(rawValue: notificationLevel) else {
                throw .invalidParameter("NotificationLevel must be default or muted; got '\(notificationLevel)'")
            }
            state.notificationLevel = level
        }
        switch lastReadMessageIndex {
        case .moved(let index)?:
            guard index >= 0 else { throw .invalidParameter("LastReadMessageIndex must not be negative; got \(index)") }
            state.lastReadMessageIndex = index
            state.lastReadTimestamp = now
        case .cleared?:
            state.lastReadMessageIndex = nil
            state.lastReadTimestamp = now
        case nil:
            break
        }
        if let lastReadTimestamp { state.lastReadTimestamp = lastReadTimestamp }
        return state
    }
}

/// A conversation as one user takes part in it: the participant with the user's identity, its conversation, that
/// participant's read state, and how many messages lie past its read horizon (`nil` while it has none).
public struct UserConversation: Sendable, Equatable {
    /// The participant through which the user takes part.
    public var participant: ConversationParticipant
    /// The conversation.
    public var conversation: Conversation
    /// The participant's read horizon and notification level.
    public var readState: ParticipantReadState
    /// Messages with an index past the read horizon, at most ``unreadCountLimit``; `nil` until the horizon is first set.
    public var unreadMessagesCount: Int?

    /// Twilio counts unread messages up to this many.
    public static let unreadCountLimit = 1000

    /// Creates a user conversation value.
    public init(participant: ConversationParticipant, conversation: Conversation, readState: ParticipantReadState, unreadMessagesCount: Int?) {
        self.participant = participant
        self.conversation = conversation
        self.readState = readState
        self.unreadMessagesCount = unreadMessagesCount
    }
}

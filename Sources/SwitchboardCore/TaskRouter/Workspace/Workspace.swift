public import Foundation

/// A TaskRouter Workspace: the container of a contact center's activities, channels, queues, workflows,
/// workers and tasks.
public struct Workspace: Sendable, Equatable {
    /// The `WS…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The name given to the workspace.
    public var friendlyName: String
    /// Where workspace events are posted; `nil` for nowhere.
    public var eventCallbackURL: String?
    /// The comma-separated event types to post; `nil` for all of them.
    public var eventsFilter: String?
    /// Whether workers may hold several tasks at once, up to each channel's capacity.
    public var multiTaskEnabled: Bool
    /// Whether queue order or task priority decides between queues.
    public var prioritizeQueueOrder: QueueOrder
    /// The activity new workers start in.
    public var defaultActivitySid: String
    /// The activity a worker moves to when a reservation times out.
    public var timeoutActivitySid: String
    /// When the workspace was created.
    public var dateCreated: Date
    /// When the workspace last changed.
    public var dateUpdated: Date

    /// Creates a workspace value.
    public init(
        sid: String, accountSid: String, friendlyName: String, eventCallbackURL: String?, eventsFilter: String?,
        multiTaskEnabled: Bool, prioritizeQueueOrder: QueueOrder, defaultActivitySid: String, timeoutActivitySid: String,
        dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.eventCallbackURL = eventCallbackURL
        self.eventsFilter = eventsFilter
        self.multiTaskEnabled = multiTaskEnabled
        self.prioritizeQueueOrder = prioritizeQueueOrder
        self.defaultActivitySid = defaultActivitySid
        self.timeoutActivitySid = timeoutActivitySid
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// First-in-first-out or last-in-first-out: the order enum shared by workspaces and queues.
public enum QueueOrder: String, Sendable, CaseIterable {
    /// Oldest first.
    case fifo = "FIFO"
    /// Newest first.
    case lifo = "LIFO"

    /// Parses a parameter value, naming the parameter when it is not one of the two.
    public static func parse(_ raw: String, parameter: String) throws(TwilioError) -> QueueOrder {
        guard let order = QueueOrder(rawValue: raw.uppercased()) else {
            throw .invalidParameter("\(parameter) must be FIFO or LIFO; got '\(raw)'")
        }
        return order
    }
}

public import struct Foundation.Date

/// A WorkerChannel: how many tasks of one TaskChannel a worker takes at once, and whether they take any now.
public struct WorkerChannel: Sendable, Equatable {
    /// The `WC…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace the worker belongs to.
    public var workspaceSid: String
    /// The worker.
    public var workerSid: String
    /// The TaskChannel.
    public var taskChannelSid: String
    /// The TaskChannel's unique name, such as `voice` or `chat`.
    public var taskChannelUniqueName: String
    /// How many tasks of this channel the worker may have at once; 0 stops new reservations.
    public var configuredCapacity: Int
    /// Whether the worker takes new tasks of this channel.
    public var available: Bool
    /// How many tasks of this channel the worker has now.
    public var assignedTasks: Int
    /// When the channel was created.
    public var dateCreated: Date
    /// When the channel last changed.
    public var dateUpdated: Date

    /// Creates a worker channel value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, workerSid: String, taskChannelSid: String,
        taskChannelUniqueName: String, configuredCapacity: Int, available: Bool, assignedTasks: Int,
        dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.workerSid = workerSid
        self.taskChannelSid = taskChannelSid
        self.taskChannelUniqueName = taskChannelUniqueName
        self.configuredCapacity = configuredCapacity
        self.available = available
        self.assignedTasks = assignedTasks
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// The share of the capacity still free, 0 to 100, rounded down: 0 when the channel is unavailable or has
    /// no capacity, and never below 0 when capacity was lowered under the tasks already assigned.
    public var availableCapacityPercentage: Int {
        guard available, configuredCapacity > 0 else { return 0 }
        let free = max(0, configuredCapacity - assignedTasks)
        return free * 100 / configuredCapacity
    }
}

public import struct Foundation.Date

/// Twilio's validation and defaults for WorkerChannels.
public enum WorkerChannelRules {
    /// The capacity a worker starts with on every channel.
    public static let defaultCapacity = 1
    /// The largest capacity on any channel: Twilio's "channel capacity per worker" limit.
    public static let maximumCapacity = 50
    /// The largest capacity on the `voice` channel: a person takes one call at a time.
    public static let maximumVoiceCapacity = 1
    /// The unique name of the voice TaskChannel.
    public static let voiceChannelUniqueName = "voice"

    /// The largest capacity a channel with this unique name accepts.
    public static func maximumCapacity(taskChannelUniqueName: String) -> Int {
        taskChannelUniqueName == voiceChannelUniqueName ? maximumVoiceCapacity : maximumCapacity
    }

    /// A worker's channel for one TaskChannel, as TaskRouter creates it for every worker and channel: default
    /// capacity, available, and no tasks.
    public static func create(
        sid: String, accountSid: String, workspaceSid: String, workerSid: String, taskChannelSid: String,
        taskChannelUniqueName: String, now: Date
    ) -> WorkerChannel {
        WorkerChannel(
            sid: sid,
            accountSid: accountSid,
            workspaceSid: workspaceSid,
            workerSid: workerSid,
            taskChannelSid: taskChannelSid,
            taskChannelUniqueName: taskChannelUniqueName,
            configuredCapacity: defaultCapacity,
            available: true,
            assignedTasks: 0,
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies `Capacity` and `Available`; what was not sent stays as it was.
    public static func update(
        _ channel: WorkerChannel, capacity: Int?, available: Bool?, now: Date
    ) throws(TwilioError) -> WorkerChannel {
        var updated = channel
        if let capacity {
            let maximum = maximumCapacity(taskChannelUniqueName: channel.taskChannelUniqueName)
            guard (0...maximum).contains(capacity) else {
                throw .invalidParameter(
                    "Capacity must be between 0 and \(maximum) for the \(channel.taskChannelUniqueName) channel; got \(capacity)")
            }
            updated.configuredCapacity = capacity
        }
        if let available { updated.available = available }
        if updated != channel { updated.dateUpdated = now }
        return updated
    }
}

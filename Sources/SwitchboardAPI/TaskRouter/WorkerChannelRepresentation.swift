import SwitchboardCore

/// The JSON of a worker channel, with exactly the properties of `taskrouter.v1.workspace.worker.worker_channel`.
enum WorkerChannelRepresentation {
    static func json(_ channel: WorkerChannel, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(channel.accountSid)),
            ("assigned_tasks", .int(channel.assignedTasks)),
            ("available", .bool(channel.available)),
            ("available_capacity_percentage", .int(channel.availableCapacityPercentage)),
            ("configured_capacity", .int(channel.configuredCapacity)),
            ("date_created", .string(WireDate.iso8601(channel.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(channel.dateUpdated))),
            ("sid", .string(channel.sid)),
            ("task_channel_sid", .string(channel.taskChannelSid)),
            ("task_channel_unique_name", .string(channel.taskChannelUniqueName)),
            ("worker_sid", .string(channel.workerSid)),
            ("workspace_sid", .string(channel.workspaceSid)),
            ("url", .string(WorkspaceScope.url(channel.workspaceSid, baseURL: baseURL) + "/Workers/" + channel.workerSid + "/Channels/" + channel.sid)),
        ])
    }
}

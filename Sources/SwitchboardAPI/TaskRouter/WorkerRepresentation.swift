import SwitchboardCore

/// The JSON of a worker, with exactly the properties of `taskrouter.v1.workspace.worker`.
enum WorkerRepresentation {
    /// `activity` is the worker's current activity, for its name and availability.
    static func json(_ worker: Worker, activity: Activity?, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(worker.workspaceSid, baseURL: baseURL)
        let url = workspaceURL + "/Workers/" + worker.sid
        return .object([
            ("account_sid", .string(worker.accountSid)),
            ("activity_name", .string(activity?.friendlyName)),
            ("activity_sid", .string(worker.activitySid)),
            ("attributes", .string(worker.attributes)),
            ("available", .bool(activity?.available ?? false)),
            ("date_created", .string(WireDate.iso8601(worker.dateCreated))),
            ("date_status_changed", .string(WireDate.iso8601(worker.dateStatusChanged))),
            ("date_updated", .string(WireDate.iso8601(worker.dateUpdated))),
            ("friendly_name", .string(worker.friendlyName)),
            ("sid", .string(worker.sid)),
            ("workspace_sid", .string(worker.workspaceSid)),
            ("url", .string(url)),
            ("links", .object([
                ("channels", .string(url + "/Channels")),
                ("activity", .string(workspaceURL + "/Activities/" + worker.activitySid)),
                ("workspace", .string(workspaceURL)),
                ("statistics", .string(workspaceURL + "/Workers/Statistics")),
                ("real_time_statistics", .string(workspaceURL + "/Workers/RealTimeStatistics")),
                ("cumulative_statistics", .string(workspaceURL + "/Workers/CumulativeStatistics")),
                ("worker_statistics", .string(url + "/Statistics")),
                ("worker_channels", .string(url + "/Channels")),
                ("reservations", .string(url + "/Reservations")),
            ])),
        ])
    }
}

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

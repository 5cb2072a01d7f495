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

import SwitchboardCore

/// The JSON of a workspace, with exactly the properties of `taskrouter.v1.workspace`.
enum WorkspaceRepresentation {
    static let linkPaths: [(String, String)] = [
        ("activities", "Activities"), ("statistics", "Statistics"), ("real_time_statistics", "RealTimeStatistics"),
        ("cumulative_statistics", "CumulativeStatistics"), ("task_queues", "TaskQueues"), ("tasks", "Tasks"),
        ("workers", "Workers"), ("workflows", "Workflows"), ("task_channels", "TaskChannels"), ("events", "Events"),
    ]

    /// `activityNames` maps activity SIDs to names, for the default and timeout activities.
    static func json(_ workspace: Workspace, activityNames: [String: String], baseURL: String) -> JSONValue {
        let url = WorkspaceScope.url(workspace.sid, baseURL: baseURL)
        return .object([
            ("account_sid", .string(workspace.accountSid)),
            ("date_created", .string(WireDate.iso8601(workspace.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(workspace.dateUpdated))),
            ("default_activity_name", .string(activityNames[workspace.defaultActivitySid])),
            ("default_activity_sid", .string(workspace.defaultActivitySid)),
            ("event_callback_url", .string(workspace.eventCallbackURL)),
            ("events_filter", .string(workspace.eventsFilter)),
            ("friendly_name", .string(workspace.friendlyName)),
            ("multi_task_enabled", .bool(workspace.multiTaskEnabled)),
            ("sid", .string(workspace.sid)),
            ("timeout_activity_name", .string(activityNames[workspace.timeoutActivitySid])),
            ("timeout_activity_sid", .string(workspace.timeoutActivitySid)),
            ("prioritize_queue_order", .string(workspace.prioritizeQueueOrder.rawValue)),
            ("url", .string(url)),
            ("links", .object(linkPaths.map { ($0.0, .string(url + "/" + $0.1)) })),
        ])
    }
}

import SwitchboardCore

/// The JSON of a task channel, with exactly the properties of `taskrouter.v1.workspace.task_channel`.
enum TaskChannelRepresentation {
    static func json(_ channel: TaskChannel, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(channel.workspaceSid, baseURL: baseURL)
        return .object([
            ("account_sid", .string(channel.accountSid)),
            ("date_created", .string(WireDate.iso8601(channel.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(channel.dateUpdated))),
            ("friendly_name", .string(channel.friendlyName)),
            ("sid", .string(channel.sid)),
            ("unique_name", .string(channel.uniqueName)),
            ("workspace_sid", .string(channel.workspaceSid)),
            ("channel_optimized_routing", .bool(channel.channelOptimizedRouting)),
            ("url", .string(workspaceURL + "/TaskChannels/" + channel.sid)),
            ("links", .object([("workspace", .string(workspaceURL))])),
        ])
    }
}

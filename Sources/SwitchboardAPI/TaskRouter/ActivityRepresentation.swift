import SwitchboardCore

/// The JSON of an activity, with exactly the properties of `taskrouter.v1.workspace.activity`.
enum ActivityRepresentation {
    static func json(_ activity: Activity, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(activity.workspaceSid, baseURL: baseURL)
        return .object([
            ("account_sid", .string(activity.accountSid)),
            ("available", .bool(activity.available)),
            ("date_created", .string(WireDate.iso8601(activity.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(activity.dateUpdated))),
            ("friendly_name", .string(activity.friendlyName)),
            ("sid", .string(activity.sid)),
            ("workspace_sid", .string(activity.workspaceSid)),
            ("url", .string(workspaceURL + "/Activities/" + activity.sid)),
            ("links", .object([("workspace", .string(workspaceURL))])),
        ])
    }
}

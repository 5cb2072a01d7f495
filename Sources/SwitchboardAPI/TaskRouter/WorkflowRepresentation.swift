import SwitchboardCore

/// The JSON of a workflow, with exactly the properties of `taskrouter.v1.workspace.workflow`.
enum WorkflowRepresentation {
    static func json(_ workflow: Workflow, baseURL: String) -> JSONValue {
        let url = WorkspaceScope.url(workflow.workspaceSid, baseURL: baseURL) + "/Workflows/" + workflow.sid
        return .object([
            ("account_sid", .string(workflow.accountSid)),
            ("assignment_callback_url", .string(workflow.assignmentCallbackUrl)),
            ("configuration", .string(workflow.configuration)),
            ("date_created", .string(WireDate.iso8601(workflow.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(workflow.dateUpdated))),
            ("document_content_type", .string("application/json")),
            ("fallback_assignment_callback_url", .string(workflow.fallbackAssignmentCallbackUrl)),
            ("friendly_name", .string(workflow.friendlyName)),
            ("sid", .string(workflow.sid)),
            ("task_reservation_timeout", .int(workflow.taskReservationTimeout)),
            ("workspace_sid", .string(workflow.workspaceSid)),
            ("url", .string(url)),
            ("links", .object([
                ("statistics", .string(url + "/Statistics")),
                ("real_time_statistics", .string(url + "/RealTimeStatistics")),
                ("cumulative_statistics", .string(url + "/CumulativeStatistics")),
            ])),
        ])
    }
}

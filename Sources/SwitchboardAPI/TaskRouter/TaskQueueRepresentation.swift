import SwitchboardCore

/// The JSON of a task queue, with exactly the properties of `taskrouter.v1.workspace.task_queue`.
enum TaskQueueRepresentation {
    /// `activityNames` maps activity SIDs to names, for the reservation and assignment activities.
    static func json(_ queue: TaskQueue, activityNames: [String: String], baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(queue.workspaceSid, baseURL: baseURL)
        let url = workspaceURL + "/TaskQueues/" + queue.sid
        var links: [(String, JSONValue)] = []
        if let sid = queue.assignmentActivitySid { links.append(("assignment_activity", .string(workspaceURL + "/Activities/" + sid))) }
        if let sid = queue.reservationActivitySid { links.append(("reservation_activity", .string(workspaceURL + "/Activities/" + sid))) }
        links += [
            ("workspace", .string(workspaceURL)),
            ("statistics", .string(url + "/Statistics")),
            ("real_time_statistics", .string(url + "/RealTimeStatistics")),
            ("cumulative_statistics", .string(url + "/CumulativeStatistics")),
            ("list_statistics", .string(workspaceURL + "/TaskQueues/Statistics")),
            ("bulk_real_time_statistics", .string(workspaceURL + "/TaskQueues/RealTimeStatistics")),
        ]
        return .object([
            ("account_sid", .string(queue.accountSid)),
            ("assignment_activity_name", .string(queue.assignmentActivitySid.flatMap { activityNames[$0] })),
            ("assignment_activity_sid", .string(queue.assignmentActivitySid)),
            ("date_created", .string(WireDate.iso8601(queue.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(queue.dateUpdated))),
            ("friendly_name", .string(queue.friendlyName)),
            ("max_reserved_workers", .int(queue.maxReservedWorkers)),
            ("reservation_activity_name", .string(queue.reservationActivitySid.flatMap { activityNames[$0] })),
            ("reservation_activity_sid", .string(queue.reservationActivitySid)),
            ("sid", .string(queue.sid)),
            ("target_workers", .string(queue.targetWorkers)),
            ("task_order", .string(queue.taskOrder.rawValue)),
            ("url", .string(url)),
            ("workspace_sid", .string(queue.workspaceSid)),
            ("links", .object(links)),
        ])
    }
}

import Foundation
import SwitchboardCore

/// The JSON of a task, with exactly the properties of `taskrouter.v1.workspace.task`.
enum TaskRepresentation {
    /// `names` maps queue and workflow SIDs to their friendly names.
    static func json(_ task: TaskRouterTask, names: [String: String], now: Date, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(task.workspaceSid, baseURL: baseURL)
        let url = workspaceURL + "/Tasks/" + task.sid
        var links: [(String, JSONValue)] = []
        if let queue = task.taskQueueSid { links.append(("task_queue", .string(workspaceURL + "/TaskQueues/" + queue))) }
        if let workflow = task.workflowSid { links.append(("workflow", .string(workspaceURL + "/Workflows/" + workflow))) }
        links += [("workspace", .string(workspaceURL)), ("reservations", .string(url + "/Reservations"))]
        return .object([
            ("account_sid", .string(task.accountSid)),
            ("age", .int(max(0, Int(now.timeIntervalSince(task.dateCreated))))),
            ("assignment_status", .string(task.assignmentStatus.rawValue)),
            ("attributes", .string(task.attributes)),
            ("addons", .string("{}")),
            ("date_created", .string(WireDate.iso8601(task.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(task.dateUpdated))),
            ("task_queue_entered_date", .string(task.taskQueueEnteredDate.map(WireDate.iso8601))),
            ("priority", .int(task.priority)),
            ("reason", .string(task.reason)),
            ("sid", .string(task.sid)),
            ("task_queue_sid", .string(task.taskQueueSid)),
            ("task_queue_friendly_name", .string(task.taskQueueSid.flatMap { names[$0] })),
            ("task_channel_sid", .string(task.taskChannelSid)),
            ("task_channel_unique_name", .string(task.taskChannelUniqueName)),
            ("timeout", .int(task.timeout)),
            ("workflow_sid", .string(task.workflowSid)),
            ("workflow_friendly_name", .string(task.workflowSid.flatMap { names[$0] })),
            ("workspace_sid", .string(task.workspaceSid)),
            ("url", .string(url)),
            ("links", .object(links)),
            ("virtual_start_time", .string(WireDate.iso8601(task.dateCreated))),
            ("ignore_capacity", .bool(false)),
            ("routing_target", .null),
        ])
    }
}

/// The JSON of a reservation, from the task's side or the worker's; both schemas have the same properties.
enum ReservationRepresentation {
    enum Side { case task, worker }

    static func json(_ reservation: Reservation, side: Side, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(reservation.workspaceSid, baseURL: baseURL)
        let url = switch side {
        case .task: workspaceURL + "/Tasks/" + reservation.taskSid + "/Reservations/" + reservation.sid
        case .worker: workspaceURL + "/Workers/" + reservation.workerSid + "/Reservations/" + reservation.sid
        }
        return .object([
            ("account_sid", .string(reservation.accountSid)),
            ("date_created", .string(WireDate.iso8601(reservation.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(reservation.dateUpdated))),
            ("reservation_status", .string(reservation.status.rawValue)),
            ("sid", .string(reservation.sid)),
            ("task_sid", .string(reservation.taskSid)),
            ("worker_name", .string(reservation.workerName)),
            ("worker_sid", .string(reservation.workerSid)),
            ("workspace_sid", .string(reservation.workspaceSid)),
            ("url", .string(url)),
            ("links", .object([
                ("task", .string(workspaceURL + "/Tasks/" + reservation.taskSid)),
                ("worker", .string(workspaceURL + "/Workers/" + reservation.workerSid)),
                ("workspace", .string(workspaceURL)),
            ])),
        ])
    }
}

/// The JSON of an event, with exactly the properties of `taskrouter.v1.workspace.event`.
enum EventRepresentation {
    static func json(_ event: TaskRouterEvent, baseURL: String) -> JSONValue {
        let workspaceURL = WorkspaceScope.url(event.workspaceSid, baseURL: baseURL)
        let resourcePath = switch event.resourceType {
        case "worker": "/Workers/"
        case "reservation": "/Reservations/"
        default: "/Tasks/"
        }
        return .object([
            ("account_sid", .string(event.accountSid)),
            ("actor_sid", .string(event.workspaceSid)),
            ("actor_type", .string("workspace")),
            ("actor_url", .string(workspaceURL)),
            ("description", .string(event.description)),
            ("event_data", eventData(event.eventData)),
            ("event_date", .string(WireDate.iso8601(event.eventDate))),
            ("event_date_ms", .int(Int(event.eventDateMilliseconds))),
            ("event_type", .string(event.eventType)),
            ("resource_sid", .string(event.resourceSid)),
            ("resource_type", .string(event.resourceType)),
            ("resource_url", .string(workspaceURL + resourcePath + event.resourceSid)),
            ("sid", .string(event.sid)),
            ("source", .string("switchboard")),
            ("source_ip_address", .null),
            ("workspace_sid", .string(event.workspaceSid)),
            ("url", .string(workspaceURL + "/Events/" + event.sid)),
        ])
    }

    /// The stored fields carry the webhook's PascalCase names (`TaskSid`); the Events API shows them snake_case.
    static func eventData(_ text: String) -> JSONValue {
        guard let fields = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] else { return .object([]) }
        return .object(fields.keys.sorted().map { (snakeCase($0), .string(fields[$0]!)) })
    }

    static func snakeCase(_ name: String) -> String {
        var output = ""
        for (index, character) in name.enumerated() {
            if character.isUppercase && index > 0 { output.append("_") }
            output.append(contentsOf: character.lowercased())
        }
        return output
    }
}

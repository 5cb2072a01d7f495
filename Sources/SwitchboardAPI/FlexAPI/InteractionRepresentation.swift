import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The JSON of Flex interactions and their channels: `flex.v1.interaction` and `flex.v1.interaction.interaction_channel`.
enum InteractionRepresentation {
    /// The interaction as Twilio answers it (the Interactions API overview's example response): `channel` is the
    /// request's channel with the interaction channel's SID beside its type, and `routing` the task's reservation
    /// beside the task, whose attributes carry the conversation SID clients need next.
    static func json(_ interaction: Interaction, channelSid: String?, task: RoutedTask?, now: Date, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Interactions/" + interaction.sid
        var channel = JSONValue.from(jsonText: interaction.channel)
        if let channelSid, case .object(let members) = channel {
            channel = .object(members.filter { $0.0 != "sid" } + [("sid", .string(channelSid))])
        }
        let routing = task.map { routed in
            // Twilio routes after answering, so its answer never holds a reservation yet; nor does a fetch.
            JSONValue.object([("reservation", .null), ("properties", taskProperties(routed, now: now, baseURL: baseURL))])
        } ?? JSONValue.from(jsonText: interaction.routing)
        return .object([
            ("sid", .string(interaction.sid)),
            ("channel", channel),
            ("routing", routing),
            ("interaction_context_sid", .string(interaction.interactionContextSid)),
            ("webhook_ttid", .string(interaction.webhookTtid)),
            ("url", .string(url)),
            ("links", .object([("channels", .string(url + "/Channels"))])),
        ])
    }

    /// The task as Twilio's Interactions and Invites answers carry it in `routing.properties`: the TaskRouter task
    /// with its dates in epoch seconds, plus the queue and workflow names, the time in queue and the count of
    /// assignments (reservations) Twilio adds there.
    static func taskProperties(_ routed: RoutedTask, now: Date, baseURL: String) -> JSONValue {
        let task = routed.task
        let taskJSON = TaskRepresentation.json(task, names: routed.names, now: now, baseURL: SiblingDomain.url(baseURL, from: .flexAPI, to: .taskRouter))
        guard case .object(let members) = taskJSON else { return taskJSON }
        func epochSeconds(_ date: Date?) -> JSONValue { .int(date.map { Int($0.timeIntervalSince1970) }) }
        let properties = members.map { key, value -> (String, JSONValue) in
            switch key {
            case "date_created": (key, epochSeconds(task.dateCreated))
            case "date_updated": (key, epochSeconds(task.dateUpdated))
            case "task_queue_entered_date": (key, epochSeconds(task.taskQueueEnteredDate))
            default: (key, value)
            }
        }
        return .object(properties + [
            ("queue_sid", .string(task.taskQueueSid)),
            ("queue_name", .string(task.taskQueueSid.flatMap { routed.names[$0] })),
            ("workflow_name", .string(task.workflowSid.flatMap { routed.names[$0] })),
            ("age_in_queue", .int(task.taskQueueEnteredDate.map { max(0, Int(now.timeIntervalSince($0))) } ?? 0)),
            ("assignmentCounter", .int(routed.reservationCount)),
        ])
    }

    /// An interaction channel.
    static func channel(_ channel: InteractionChannel, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Interactions/" + channel.interactionSid + "/Channels/" + channel.sid
        return .object([
            ("sid", .string(channel.sid)),
            ("interaction_sid", .string(channel.interactionSid)),
            ("type", .string(channel.type.rawValue)),
            ("status", .string(channel.status.rawValue)),
            ("error_code", .int(channel.errorCode)),
            ("error_message", .string(channel.errorMessage)),
            ("url", .string(url)),
            ("links", .object([
                ("participants", .string(url + "/Participants")),
                ("invites", .string(url + "/Invites")),
                ("transfers", .string(url + "/Transfers")),
            ])),
        ])
    }
}

/// A task with what its Interactions answer shows beside it: the friendly names of its queue and workflow, and how
/// many reservations it has had.
struct RoutedTask: Sendable {
    let task: TaskRouterTask
    let names: [String: String]
    let reservationCount: Int

    /// Reads the task's names and reservations in `session`; `nil` when the task is gone.
    static func load(sid: String, workspaceSid: String, session: any StorageSession) async throws -> RoutedTask? {
        guard let task = try await session.tasks.find(sid: sid, workspaceSid: workspaceSid) else { return nil }
        return RoutedTask(
            task: task, names: try await TaskController.names(of: [task], workspaceSid: workspaceSid, session: session),
            reservationCount: try await session.reservations.all(taskSid: sid).count)
    }
}

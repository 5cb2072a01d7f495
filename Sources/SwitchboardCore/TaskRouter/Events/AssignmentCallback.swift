public import Foundation

/// What TaskRouter posts to a workflow's `AssignmentCallbackUrl` when it reserves a task for a worker, and what
/// the application's answer asks for.
public enum AssignmentCallback {
    /// The outbox purpose of assignment callbacks, which the dispatcher hands the answers of.
    public static let purpose = "assignment-callback"

    /// Twilio's assignment callback parameters for `reservation` of `task` for `worker`.
    public static func parameters(task: TaskRouterTask, reservation: Reservation, worker: Worker, now: Date) -> [FormPair] {
        var pairs = [
            FormPair("AccountSid", task.accountSid),
            FormPair("WorkspaceSid", task.workspaceSid),
            FormPair("WorkflowSid", task.workflowSid ?? ""),
            FormPair("TaskQueueSid", task.taskQueueSid ?? ""),
            FormPair("TaskSid", task.sid),
            FormPair("ReservationSid", reservation.sid),
            FormPair("WorkerSid", worker.sid),
            FormPair("TaskAge", String(max(0, Int(now.timeIntervalSince(task.dateCreated))))),
            FormPair("TaskPriority", String(task.priority)),
            FormPair("TaskAttributes", task.attributes),
            FormPair("WorkerAttributes", worker.attributes),
        ]
        pairs.removeAll { $0.value.isEmpty && ($0.name == "WorkflowSid" || $0.name == "TaskQueueSid") }
        return pairs
    }

    /// What an application's answer body asks: `nil` for an empty answer (the reservation waits for the worker),
    /// the instruction otherwise. Switchboard places no calls, so the voice instructions are ``Instruction/unsupported(_:)``.
    public static func instruction(in body: [UInt8]) -> Instruction? {
        guard body.contains(where: { !" \t\r\n".utf8.contains($0) }) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let name = object["instruction"] as? String
        else { return .unreadable }
        switch name.lowercased() {
        case "accept": return .accept
        case "reject": return .reject(activitySid: object["activity_sid"] as? String)
        default: return .unsupported(name)
        }
    }

    /// An instruction in an assignment callback's answer.
    public enum Instruction: Sendable, Equatable {
        /// Accept the reservation.
        case accept
        /// Reject it, moving the worker to `activitySid` when given.
        case reject(activitySid: String?)
        /// A voice instruction (`dequeue`, `call`, `conference`, `redirect`) or one Twilio does not have.
        case unsupported(String)
        /// A body that is not a JSON object with an `instruction`.
        case unreadable
    }
}

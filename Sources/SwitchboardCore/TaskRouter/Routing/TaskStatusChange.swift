/// The `AssignmentStatus` changes a client may request, as Twilio documents them: `canceled` for a task that
/// is `pending` or `reserved`, `wrapping` for an `assigned` one, and `completed` for one that is `assigned` or
/// `wrapping`. Every other state is TaskRouter's to set. Twilio documents no error codes for refusals, so they
/// are 20001, worded as Twilio words them.
enum TaskStatusChange {
    /// The status a client asked for, if it is one a client may ask for.
    static func target(_ raw: String) throws(TwilioError) -> TaskAssignmentStatus {
        guard let status = TaskAssignmentStatus(rawValue: raw) else {
            let names = TaskAssignmentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter("AssignmentStatus must be one of \(names); got '\(raw)'")
        }
        guard status == .canceled || status == .wrapping || status == .completed else {
            throw .invalidParameter("AssignmentStatus can only be updated to canceled, wrapping or completed; \(raw) is set by TaskRouter")
        }
        return status
    }

    /// Refuses the change unless the task's current status allows it. `Reason` is required where Twilio
    /// requires it: when canceling or completing.
    static func check(from task: TaskRouterTask, to status: TaskAssignmentStatus, reason: String?) throws(TwilioError) {
        let location = "task \(task.sid) in workspace \(task.workspaceSid) for account \(task.accountSid)"
        switch status {
        case .canceled:
            guard task.assignmentStatus.isUnassigned else {
                throw .invalidParameter("Cannot cancel \(location) because it is not pending or reserved")
            }
        case .wrapping:
            guard task.assignmentStatus == .assigned else {
                throw .invalidParameter("Cannot wrap up \(location) because it's not currently assigned")
            }
        case .completed:
            guard task.assignmentStatus == .assigned || task.assignmentStatus == .wrapping else {
                throw .invalidParameter("Cannot complete \(location) because it is not assigned or wrapping")
            }
        case .pending, .reserved, .assigned:
            // `target(_:)` never returns these.
            throw .invalidParameter("AssignmentStatus cannot be updated to \(status.rawValue)")
        }
        if status == .canceled || status == .completed {
            guard let reason, !reason.allSatisfy(\.isWhitespace) else {
                throw .invalidParameter("Reason is required when AssignmentStatus is \(status.rawValue)")
            }
        }
    }
}

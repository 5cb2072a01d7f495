public import SwitchboardCore
public import SwitchboardRouting

/// A task change a conversation change calls for, applied through the routing engine after the conversation's
/// transaction commits, since the engine commits task changes in transactions of its own.
public struct TaskFollowUp: Sendable, Equatable {
    /// The task's workspace.
    public var workspaceSid: String
    /// The task.
    public var taskSid: String
    /// The assignment status to move it to.
    public var status: TaskAssignmentStatus
    /// Why, for canceled and completed.
    public var reason: String

    /// What ending the work means for `task` in its current state: a task nobody took is canceled, a task an agent
    /// holds is completed (or moved to wrapping when `wrapUpOnly`); finished tasks need nothing.
    public static func ending(_ task: TaskRouterTask, wrapUpOnly: Bool, reason: String) -> TaskFollowUp? {
        let status: TaskAssignmentStatus
        switch task.assignmentStatus {
        case .pending, .reserved: status = .canceled
        case .assigned: status = wrapUpOnly ? .wrapping : .completed
        case .wrapping: guard !wrapUpOnly else { return nil }; status = .completed
        case .canceled, .completed: return nil
        }
        return TaskFollowUp(workspaceSid: task.workspaceSid, taskSid: task.sid, status: status, reason: reason)
    }

    /// Applies the follow-ups in order. A task that moved on meanwhile (an agent completed it first) refuses the change
    /// with a `TwilioError`, which is the outcome wanted, so those refusals are not errors here.
    public static func apply(_ followUps: [TaskFollowUp], through routing: RoutingEngine) async throws {
        for followUp in followUps {
            var changes = TaskChanges()
            changes.assignmentStatus = followUp.status.rawValue
            if followUp.status != .wrapping { changes.reason = followUp.reason }
            do {
                _ = try await routing.updateTask(sid: followUp.taskSid, workspaceSid: followUp.workspaceSid, changes: changes)
            } catch is TwilioError {
                continue
            }
        }
    }
}

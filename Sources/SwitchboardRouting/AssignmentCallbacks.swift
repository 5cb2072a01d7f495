import Foundation
import SwitchboardCore
import SwitchboardStorage

/// Queues the post to a workflow's `AssignmentCallbackUrl` for a new reservation, in the transaction that makes
/// the reservation, so an application hears of every reservation that exists and of none that was rolled back.
enum AssignmentCallbacks {
    static func queue(
        _ reservation: Reservation, task: TaskRouterTask, worker: Worker, in session: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws {
        guard let workflowSid = task.workflowSid,
              let workflow = try await session.workflows.find(sid: workflowSid, workspaceSid: task.workspaceSid),
              let url = workflow.assignmentCallbackUrl, !url.isEmpty
        else { return }
        let fallback = workflow.fallbackAssignmentCallbackUrl.flatMap { $0.isEmpty ? nil : $0 }
        let call = WebhookCall(
            url: url, body: .form(AssignmentCallback.parameters(task: task, reservation: reservation, worker: worker, now: now)),
            purpose: AssignmentCallback.purpose, fallbackUrl: fallback)
        try await session.outbox.enqueue(.due(.webhook(call), sid: sids.make(.outboxEntry), accountSid: task.accountSid, now: now))
    }
}

import Foundation
import SwitchboardCore
import SwitchboardStorage

/// What a workspace `Template` adds beyond the defaults every workspace gets.
enum WorkspaceTemplating {
    /// The names Twilio gives the FIFO template's queue and workflow.
    static let fifoQueueName = "Sample Queue"
    static let fifoWorkflowName = "Default Fifo Workflow"

    static func apply(
        _ template: WorkspaceTemplate, to workspace: Workspace, activities: [Activity], session: any StorageSession,
        sids: any SidGenerator, now: Date
    ) async throws {
        guard template == .fifo else { return }
        var queueChanges = TaskQueueChanges()
        queueChanges.friendlyName = fifoQueueName
        queueChanges.targetWorkers = TaskQueueRules.defaultTargetWorkers
        let queue = try TaskQueueRules.create(queueChanges, sid: sids.make(.taskQueue), accountSid: workspace.accountSid,
                                              workspaceSid: workspace.sid, now: now)
        try await session.taskQueues.insert(queue)
        var workflowChanges = WorkflowChanges()
        workflowChanges.friendlyName = fifoWorkflowName
        workflowChanges.configuration = #"{"task_routing":{"filters":[],"default_filter":{"queue":"\#(queue.sid)"}}}"#
        let workflow = try WorkflowRules.create(workflowChanges, sid: sids.make(.workflow), accountSid: workspace.accountSid,
                                                workspaceSid: workspace.sid, now: now)
        try await session.workflows.insert(workflow)
    }
}

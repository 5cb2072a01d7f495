import Foundation
import SwitchboardCore
import SwitchboardStorage

/// Where an interaction's task goes inside its workspace: the task channel and the workflow or queue.
struct InteractionTaskTarget {
    let workspace: Workspace
    let taskChannel: TaskChannel
    let workflowSid: String?
    let queueSid: String?

    /// Resolves `routing` against the account's workspace; unknown references are 20001, naming the parameter.
    static func resolve(_ routing: InteractionRoutingRequest, channelType: InteractionChannelType, accountSid: String,
                        in session: any StorageSession) async throws -> InteractionTaskTarget {
        guard let workspace = try await session.workspaces.find(sid: routing.workspaceSid, accountSid: accountSid) else {
            throw TwilioError.invalidParameter("Routing.properties.workspace_sid \(routing.workspaceSid) is not a workspace of this account")
        }
        let names = routing.taskChannelUniqueName.map { [$0] } ?? defaultTaskChannels(for: channelType)
        var found: TaskChannel?
        for name in names where found == nil {
            found = try await session.taskChannels.find(sidOrUniqueName: name, workspaceSid: workspace.sid)
        }
        guard let taskChannel = found else {
            throw TwilioError.invalidParameter("Routing.properties.task_channel_unique_name \(names[0]) is not a task channel of this workspace")
        }
        // A named worker is checked like a workflow or a queue: another account's worker is not one of this workspace.
        if let sid = routing.workerSid {
            guard try await session.workers.find(sid: sid, workspaceSid: workspace.sid) != nil else {
                throw TwilioError.invalidParameter("Routing.properties.worker_sid \(sid) is not a worker of this workspace")
            }
        }
        if let sid = routing.workflowSid {
            guard try await session.workflows.find(sid: sid, workspaceSid: workspace.sid) != nil else {
                throw TwilioError.invalidParameter("Routing.properties.workflow_sid \(sid) is not a workflow of this workspace")
            }
            return InteractionTaskTarget(workspace: workspace, taskChannel: taskChannel, workflowSid: sid, queueSid: nil)
        }
        if let sid = routing.queueSid {
            guard try await session.taskQueues.find(sid: sid, workspaceSid: workspace.sid) != nil else {
                throw TwilioError.invalidParameter("Routing.properties.queue_sid \(sid) is not a task queue of this workspace")
            }
            return InteractionTaskTarget(workspace: workspace, taskChannel: taskChannel, workflowSid: nil, queueSid: sid)
        }
        let workflows = try await session.workflows.list(workspaceSid: workspace.sid, friendlyName: nil, page: PageRequest(size: 2)).items
        guard workflows.count == 1 else {
            throw TwilioError.invalidParameter("Routing.properties.workflow_sid is required when the workspace does not have exactly one workflow")
        }
        return InteractionTaskTarget(workspace: workspace, taskChannel: taskChannel, workflowSid: workflows[0].sid, queueSid: nil)
    }

    /// Flex's task channels for each media type, then `default`, which every workspace has.
    static func defaultTaskChannels(for type: InteractionChannelType) -> [String] {
        switch type {
        case .sms: ["sms", "chat", "default"]
        case .email: ["email", "default"]
        case .voice: ["voice", "default"]
        default: ["chat", "default"]
        }
    }

    /// A pending task for this target.
    func makeTask(sid: String, attributes: AttributeValue, routing: InteractionRoutingRequest, now: Date) throws(TwilioError) -> TaskRouterTask {
        var changes = TaskChanges()
        changes.attributes = attributes.jsonText
        changes.priority = routing.priority
        changes.timeout = routing.timeout
        return try TaskRules.create(
            changes, sid: sid, accountSid: workspace.accountSid, workspaceSid: workspace.sid, workflowSid: workflowSid,
            taskQueueSid: queueSid, taskChannelSid: taskChannel.sid, taskChannelUniqueName: taskChannel.uniqueName, now: now)
    }
}

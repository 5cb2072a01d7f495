public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardRouting

/// The tasks a Flex Flow's `task` integration makes for its channels: created inside the caller's transaction,
/// routed by the caller after commit.
public enum FlexChannelTasks {
    /// Makes and stores a task for `channel` on the integration's workspace, workflow and task channel, with the
    /// channel's task attributes plus what Flex adds (`channelSid`, `channelType`, `name`). Returns the task.
    public static func create(
        for channel: FlexChannel, flow: FlexFlow, integration: TaskIntegration, attributes: String?,
        in storage: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws -> TaskRouterTask {
        guard let workspace = try await storage.workspaces.find(sid: integration.workspaceSid, accountSid: flow.accountSid) else {
            throw TwilioError.invalidParameter("The Flex Flow's Integration.WorkspaceSid \(integration.workspaceSid) is not a workspace of this account")
        }
        guard let taskChannel = try await storage.taskChannels.find(sidOrUniqueName: integration.channel, workspaceSid: workspace.sid) else {
            throw TwilioError.invalidParameter("The Flex Flow's Integration.Channel \(integration.channel) is not a task channel of its workspace")
        }
        guard try await storage.workflows.find(sid: integration.workflowSid, workspaceSid: workspace.sid) != nil else {
            throw TwilioError.invalidParameter("The Flex Flow's Integration.WorkflowSid \(integration.workflowSid) is not a workflow of its workspace")
        }
        var changes = TaskChanges()
        changes.attributes = try taskAttributes(attributes, channel: channel, flow: flow)
        changes.priority = integration.priority
        changes.timeout = integration.timeout
        let task = try TaskRules.create(
            changes, sid: sids.make(.task), accountSid: flow.accountSid, workspaceSid: workspace.sid, workflowSid: integration.workflowSid,
            taskQueueSid: nil, taskChannelSid: taskChannel.sid, taskChannelUniqueName: taskChannel.uniqueName, now: now)
        try await RoutingEngine.enter(task, in: storage, sids: sids, now: now)
        return task
    }

    /// Whether the channel's latest task is still being worked on, so a customer's reply needs no new one.
    public static func hasLiveTask(_ channel: FlexChannel, integration: TaskIntegration, in storage: any StorageSession) async throws -> Bool {
        guard let taskSid = channel.taskSid,
              let task = try await storage.tasks.find(sid: taskSid, workspaceSid: integration.workspaceSid)
        else { return false }
        return !task.assignmentStatus.isTerminal
    }

    /// The client's task attributes with Flex's own keys added where the client left them out.
    static func taskAttributes(_ given: String?, channel: FlexChannel, flow: FlexFlow) throws(TwilioError) -> String {
        let text = given.flatMap { $0.isEmpty ? nil : $0 } ?? "{}"
        guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw TwilioError.invalidParameter("TaskAttributes must be a JSON object")
        }
        if object["channelSid"] == nil { object["channelSid"] = channel.sid }
        if object["channelType"] == nil { object["channelType"] = flow.channelType.rawValue }
        if object["name"] == nil { object["name"] = channel.identity }
        if object["flexChannelSid"] == nil { object["flexChannelSid"] = channel.sid }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            throw TwilioError.invalidParameter("TaskAttributes must be a JSON object")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

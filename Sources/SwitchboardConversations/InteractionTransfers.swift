public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
import SwitchboardRouting

/// `POST …/Channels/{UO}/Transfers`: a task for the target on the same conversation, in the workspace and on the task
/// channel of the channel's first task. A worker target is reached through that task's workflow and its known-worker
/// target; a queue directly; a workflow through its filters. A cold transfer wraps the transferring agent's task up.
public struct InteractionTransfers: Sendable {
    let sids: any SidGenerator

    /// Creates the service.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// Creates the transfer in `session`; returns it, its task (to route after commit) and the task follow-ups.
    public func transfer(
        _ request: InteractionTransferRequest, from channel: InteractionChannel, in session: any StorageSession, now: Date
    ) async throws -> (InteractionTransfer, TaskRouterTask, [TaskFollowUp]) {
        guard channel.status != .closed else { throw TwilioError.invalidParameter("Interaction channel \(channel.sid) is closed") }
        guard let participant = try await session.interactionParticipants.find(sid: request.from, channelSid: channel.sid, accountSid: channel.accountSid) else {
            throw TwilioError.invalidParameter("from \(request.from) is not a participant of channel \(channel.sid)")
        }
        let links = try await session.interactions.tasks(channelSid: channel.sid)
        guard let first = links.first, let original = try await session.tasks.find(sid: first.taskSid, workspaceSid: first.workspaceSid) else {
            throw TwilioError.invalidParameter("Interaction channel \(channel.sid) has no task to transfer")
        }
        let sid = sids.make(.interactionTransfer)
        var attributes: [String: AttributeValue] = [:]
        if case .object(let inherited)? = try? original.parsedAttributes() { attributes = inherited }
        attributes.removeValue(forKey: "worker_sid")
        attributes["transferSid"] = .string(sid)
        attributes["transferType"] = .string(request.type)
        attributes["transferFrom"] = .string(request.from)
        let toWorker = Sid.hasPrefix(request.to, SidPrefix.worker.rawValue)
        let toQueue = Sid.hasPrefix(request.to, SidPrefix.taskQueue.rawValue)
        let workflow = Sid.hasPrefix(request.to, SidPrefix.workflow.rawValue) ? request.to : (toQueue ? nil : original.workflowSid)
        if toWorker { attributes["worker_sid"] = .string(request.to) }
        let routing = InteractionRoutingRequest(
            workspaceSid: original.workspaceSid, workflowSid: workflow, queueSid: toQueue ? request.to : (workflow == nil ? original.taskQueueSid : nil),
            workerSid: toWorker ? request.to : nil, taskChannelUniqueName: original.taskChannelUniqueName, attributes: .object(attributes))
        let target = try await InteractionTaskTarget.resolve(routing, channelType: channel.type, accountSid: channel.accountSid, in: session)
        let task = try target.makeTask(sid: sids.make(.task), attributes: .object(attributes), routing: routing, now: now)
        try await RoutingEngine.enter(task, in: session, sids: sids, now: now)
        try await session.interactions.insertTask(InteractionTask(
            accountSid: channel.accountSid, interactionSid: channel.interactionSid, channelSid: channel.sid, workspaceSid: task.workspaceSid,
            taskSid: task.sid, inviteSid: nil, routing: AttributeValue.object(["transfer_sid": .string(sid)]).jsonText, dateCreated: now))
        let transfer = InteractionTransfer(
            sid: sid, accountSid: channel.accountSid, interactionSid: channel.interactionSid, channelSid: channel.sid, type: request.type,
            from: request.from, to: request.to, taskSid: task.sid, workspaceSid: task.workspaceSid, dateCreated: now)
        try await session.interactions.insertTransfer(transfer)
        var followUps: [TaskFollowUp] = []
        if request.type == "cold" {
            let fromTask = participant.taskSid ?? original.sid
            if let link = links.first(where: { $0.taskSid == fromTask }),
               let held = try await session.tasks.find(sid: link.taskSid, workspaceSid: link.workspaceSid), held.assignmentStatus == .assigned,
               let followUp = TaskFollowUp.ending(held, wrapUpOnly: true, reason: "Transferred") {
                followUps.append(followUp)
            }
        }
        return (transfer, task, followUps)
    }
}

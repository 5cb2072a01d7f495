import Foundation
import Synchronization
import SwitchboardCore
import SwitchboardStorage

/// Records TaskRouter events with Twilio's event fields, in the same transaction as the change they describe, and
/// queues the post to the workspace's `EventCallbackUrl` in that transaction too, so no recorded event is lost
/// on its way out.
struct EventLog {
    let session: any StorageSession
    let sids: any SidGenerator
    let now: Date
    /// Workspaces read in this transaction: a routing pass records several events of one workspace, and each
    /// needs its callback URL and filter.
    private let workspaces = WorkspaceMemo()

    init(session: any StorageSession, sids: any SidGenerator, now: Date) {
        self.session = session
        self.sids = sids
        self.now = now
    }

    func record(_ type: String, task: TaskRouterTask, reservation: Reservation? = nil, description: String) async throws {
        var data: [String: String] = [
            "TaskSid": task.sid, "TaskAttributes": task.attributes, "TaskAssignmentStatus": task.assignmentStatus.rawValue,
            "TaskPriority": String(task.priority), "TaskChannelUniqueName": task.taskChannelUniqueName,
            "TaskAge": String(max(0, Int(now.timeIntervalSince(task.dateCreated)))), "WorkspaceSid": task.workspaceSid,
        ]
        if let sid = task.workflowSid { data["WorkflowSid"] = sid }
        if let sid = task.taskQueueSid { data["TaskQueueSid"] = sid }
        if let reason = task.reason { data["TaskCanceledReason"] = reason }
        if let reservation {
            data["ReservationSid"] = reservation.sid
            data["WorkerSid"] = reservation.workerSid
            data["WorkerName"] = reservation.workerName
        }
        let resource = reservation.map { ("reservation", $0.sid) } ?? ("task", task.sid)
        try await insert(type, accountSid: task.accountSid, workspaceSid: task.workspaceSid, resource: resource,
                         taskSid: task.sid, workerSid: reservation?.workerSid, description: description, data: data)
    }

    /// Records a worker event (`worker.created`, `worker.activity.update`, `worker.deleted`) with Twilio's worker
    /// fields. An activity change names the activity left and how long the worker was in it, as Twilio's
    /// `WorkerPreviousActivitySid` and `WorkerTimeInPreviousActivity` do, so durations need no earlier event.
    func recordWorker(_ type: String, _ worker: Worker, activityName: String?, leaving previous: Worker? = nil, description: String) async throws {
        var data = ["WorkerSid": worker.sid, "WorkerName": worker.friendlyName, "WorkerActivitySid": worker.activitySid,
                    "WorkerActivityName": activityName ?? "", "WorkerAttributes": worker.attributes, "WorkspaceSid": worker.workspaceSid]
        if let previous {
            let milliseconds = max(0, Int((now.timeIntervalSince(previous.dateStatusChanged) * 1000).rounded(.down)))
            data["WorkerPreviousActivitySid"] = previous.activitySid
            data["WorkerTimeInPreviousActivity"] = String(milliseconds / 1000)
            data["WorkerTimeInPreviousActivityMs"] = String(milliseconds)
        }
        try await insert(type, accountSid: worker.accountSid, workspaceSid: worker.workspaceSid,
                         resource: ("worker", worker.sid), taskSid: nil, workerSid: worker.sid, description: description, data: data)
    }

    private func insert(
        _ type: String, accountSid: String, workspaceSid: String, resource: (String, String), taskSid: String?, workerSid: String?,
        description: String, data: [String: String]
    ) async throws {
        // Written by hand: Foundation's serializer, with its sorting of boxed keys, was a tenth of a journey's CPU.
        let json = JSONStringLiteral.object(data)
        let event = TaskRouterEvent(
            sid: sids.make(.event), accountSid: accountSid, workspaceSid: workspaceSid, eventType: type,
            resourceType: resource.0, resourceSid: resource.1, taskSid: taskSid, workerSid: workerSid, description: description, eventData: json,
            eventDateMilliseconds: now.wholeMillisecondsSince1970)
        try await session.events.insert(event)
        try await queueCallback(for: event, data: data)
    }

    private func queueCallback(for event: TaskRouterEvent, data: [String: String]) async throws {
        guard let workspace = try await workspaces.workspace(event.workspaceSid, accountSid: event.accountSid, in: session),
              let url = workspace.eventCallbackURL, !url.isEmpty,
              TaskRouterEventCallback.includes(event.eventType, filter: workspace.eventsFilter)
        else { return }
        let parameters = TaskRouterEventCallback.parameters(for: event, workspaceName: workspace.friendlyName, eventFields: data)
        try await session.outbox.enqueue(.due(
            .webhook(WebhookCall(url: url, body: .form(parameters), purpose: "taskrouter-event")),
            sid: sids.make(.outboxEntry), accountSid: event.accountSid, now: now))
    }
}

/// The workspaces one `EventLog` has read, so each is read once per transaction.
private final class WorkspaceMemo: Sendable {
    private let read = Mutex<[String: Workspace?]>([:])

    func workspace(_ sid: String, accountSid: String, in session: any StorageSession) async throws -> Workspace? {
        if let known = read.withLock({ $0[sid] }) { return known }
        let workspace = try await session.workspaces.find(sid: sid, accountSid: accountSid)
        read.withLock { $0[sid] = .some(workspace) }
        return workspace
    }
}

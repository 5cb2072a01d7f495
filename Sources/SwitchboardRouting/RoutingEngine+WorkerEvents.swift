public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Worker events, recorded inside the transaction that changes the worker, so an event and its callback exist
/// exactly when the change does.
extension RoutingEngine {
    /// Records `worker.created` for a new worker in `activityName`.
    public static func recordCreated(_ worker: Worker, activityName: String, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await EventLog(session: session, sids: sids, now: now).recordWorker(
            "worker.created", worker, activityName: activityName, description: "Worker \(worker.friendlyName) created")
    }

    /// Records `worker.activity.update` for a worker moved from `previous`'s activity to `activity`. A worker who
    /// comes back to an available activity may be offered again the tasks they rejected or let time out, as Twilio
    /// re-evaluates waiting tasks when a worker becomes available.
    public static func recordActivityChange(
        from previous: Worker, to worker: Worker, activity: Activity, in session: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws {
        if activity.available { try await session.reservations.workerReturned(workerSid: worker.sid) }
        try await EventLog(session: session, sids: sids, now: now).recordWorker(
            ActivityDurations.eventType, worker, activityName: activity.friendlyName, leaving: previous,
            description: "Worker \(worker.friendlyName) updated to \(activity.friendlyName) Activity")
    }

    /// Records `worker.deleted`.
    public static func recordDeleted(_ worker: Worker, activityName: String?, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await EventLog(session: session, sids: sids, now: now).recordWorker(
            "worker.deleted", worker, activityName: activityName, description: "Worker \(worker.friendlyName) deleted")
    }
}

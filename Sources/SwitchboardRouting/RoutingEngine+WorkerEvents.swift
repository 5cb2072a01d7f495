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

    /// Records `worker.activity.update` for a worker moved from `previous`'s activity to `activityName`.
    public static func recordActivityChange(
        from previous: Worker, to worker: Worker, activityName: String, in session: any StorageSession, sids: any SidGenerator, now: Date
    ) async throws {
        try await EventLog(session: session, sids: sids, now: now).recordWorker(
            ActivityDurations.eventType, worker, activityName: activityName, leaving: previous,
            description: "Worker \(worker.friendlyName) updated to \(activityName) Activity")
    }

    /// Records `worker.deleted`.
    public static func recordDeleted(_ worker: Worker, activityName: String?, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await EventLog(session: session, sids: sids, now: now).recordWorker(
            "worker.deleted", worker, activityName: activityName, description: "Worker \(worker.friendlyName) deleted")
    }
}

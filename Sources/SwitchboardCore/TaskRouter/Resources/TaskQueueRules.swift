public import struct Foundation.Date

/// Twilio's validation and defaults for TaskQueues.
public enum TaskQueueRules {
    /// `TargetWorkers` when none is given: every worker.
    public static let defaultTargetWorkers = "1==1"
    /// `MaxReservedWorkers` when none is given.
    public static let defaultMaxReservedWorkers = 1
    /// The `MaxReservedWorkers` Twilio accepts.
    public static let maxReservedWorkersRange = 1...50

    /// Builds a new queue from create parameters, or names the first parameter that is wrong.
    public static func create(
        _ changes: TaskQueueChanges, sid: String, accountSid: String, workspaceSid: String, now: Date
    ) throws(TwilioError) -> TaskQueue {
        guard let friendlyName = changes.friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        let targetWorkers = changes.targetWorkers ?? defaultTargetWorkers
        _ = try targetWorkersExpression(targetWorkers)
        return TaskQueue(
            sid: sid,
            accountSid: accountSid,
            workspaceSid: workspaceSid,
            friendlyName: friendlyName,
            targetWorkers: targetWorkers,
            maxReservedWorkers: try maxReservedWorkers(changes.maxReservedWorkers ?? defaultMaxReservedWorkers),
            taskOrder: try changes.taskOrder.map(taskOrder) ?? .fifo,
            reservationActivitySid: try activityReference(changes.reservationActivitySid, name: "ReservationActivitySid"),
            assignmentActivitySid: try activityReference(changes.assignmentActivitySid, name: "AssignmentActivitySid"),
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies update parameters to a queue; what was not sent stays as it was.
    public static func update(_ queue: TaskQueue, with changes: TaskQueueChanges, now: Date) throws(TwilioError) -> TaskQueue {
        var updated = queue
        if let friendlyName = changes.friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            updated.friendlyName = friendlyName
        }
        if let targetWorkers = changes.targetWorkers {
            _ = try targetWorkersExpression(targetWorkers)
            updated.targetWorkers = targetWorkers
        }
        if let count = changes.maxReservedWorkers { updated.maxReservedWorkers = try maxReservedWorkers(count) }
        if let raw = changes.taskOrder { updated.taskOrder = try taskOrder(raw) }
        if let sid = changes.reservationActivitySid {
            updated.reservationActivitySid = try activityReference(sid, name: "ReservationActivitySid")
        }
        if let sid = changes.assignmentActivitySid {
            updated.assignmentActivitySid = try activityReference(sid, name: "AssignmentActivitySid")
        }
        if updated != queue { updated.dateUpdated = now }
        return updated
    }

    /// Parses `TargetWorkers` so a bad expression is refused when the queue is saved, never while routing.
    /// Blank text is accepted and gives `nil`: Twilio documents that tasks then wait in the queue.
    static func targetWorkersExpression(_ text: String) throws(TwilioError) -> TaskRouterExpression? {
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        do {
            return try TaskRouterExpression.parse(text)
        } catch {
            throw .invalidParameter("TargetWorkers: \(error.message)")
        }
    }

    static func maxReservedWorkers(_ count: Int) throws(TwilioError) -> Int {
        guard maxReservedWorkersRange.contains(count) else {
            throw .invalidParameter(
                "MaxReservedWorkers must be between \(maxReservedWorkersRange.lowerBound) and \(maxReservedWorkersRange.upperBound); got \(count)")
        }
        return count
    }

    static func taskOrder(_ raw: String) throws(TwilioError) -> QueueOrder {
        guard let order = QueueOrder(rawValue: raw) else {
            throw .invalidParameter("TaskOrder must be one of \(QueueOrder.allCases.map(\.rawValue).joined(separator: ", ")); got '\(raw)'")
        }
        return order
    }

    /// An optional Activity reference: empty clears it, anything else must carry the `WA` prefix.
    static func activityReference(_ value: String?, name: String) throws(TwilioError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        try FlexFlowRules.checkReference(value, prefix: SidPrefix.activity.rawValue, name: name)
        return value
    }
}

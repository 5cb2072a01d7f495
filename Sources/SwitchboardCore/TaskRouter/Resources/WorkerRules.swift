public import struct Foundation.Date

/// Twilio's validation and defaults for Workers.
public enum WorkerRules {
    /// `Attributes` when none are given.
    public static let defaultAttributes = "{}"
    /// The longest `FriendlyName` Twilio accepts, in characters.
    public static let maximumFriendlyNameLength = 64

    /// Builds a new worker from create parameters, or names the first parameter that is wrong. The caller
    /// passes the workspace's default activity, which the worker starts in when `ActivitySid` is not sent.
    public static func create(
        _ changes: WorkerChanges, sid: String, accountSid: String, workspaceSid: String, defaultActivitySid: String, now: Date
    ) throws(TwilioError) -> Worker {
        guard let friendlyName = changes.friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        let attributes = changes.attributes ?? defaultAttributes
        let activitySid = changes.activitySid ?? defaultActivitySid
        try checkFriendlyName(friendlyName)
        try AttributeValue.checkAttributes(attributes)
        try FlexFlowRules.checkReference(activitySid, prefix: SidPrefix.activity.rawValue, name: "ActivitySid")
        return Worker(
            sid: sid,
            accountSid: accountSid,
            workspaceSid: workspaceSid,
            friendlyName: friendlyName,
            attributes: attributes,
            activitySid: activitySid,
            dateStatusChanged: now,
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies update parameters to a worker; what was not sent stays as it was. `dateStatusChanged` moves only
    /// when the activity actually changes.
    public static func update(_ worker: Worker, with changes: WorkerChanges, now: Date) throws(TwilioError) -> Worker {
        var updated = worker
        if let friendlyName = changes.friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            try checkFriendlyName(friendlyName)
            updated.friendlyName = friendlyName
        }
        if let attributes = changes.attributes {
            try AttributeValue.checkAttributes(attributes)
            updated.attributes = attributes
        }
        if let activitySid = changes.activitySid {
            try FlexFlowRules.checkReference(activitySid, prefix: SidPrefix.activity.rawValue, name: "ActivitySid")
            if activitySid != worker.activitySid {
                updated.activitySid = activitySid
                updated.dateStatusChanged = now
            }
        }
        if updated != worker { updated.dateUpdated = now }
        return updated
    }

    /// Whether an update rejects the worker's pending reservations, given whether the activity the worker has
    /// after it is available. Twilio documents `RejectPendingReservations` as valid only when that activity is
    /// unavailable, so asking for it with an available one is a 20001. Without it a worker may change activity
    /// while reservations are pending: they stay pending until answered or timed out, as on Twilio.
    public static func rejectsPendingReservations(_ changes: WorkerChanges, activityAvailable: Bool) throws(TwilioError) -> Bool {
        guard changes.rejectPendingReservations == true else { return false }
        guard !activityAvailable else {
            throw .invalidParameter("RejectPendingReservations is only valid when the Worker's new Activity is unavailable")
        }
        return true
    }

    static func checkFriendlyName(_ name: String) throws(TwilioError) {
        guard name.count <= maximumFriendlyNameLength else {
            throw .invalidParameter("FriendlyName must be at most \(maximumFriendlyNameLength) characters; got \(name.count)")
        }
    }
}

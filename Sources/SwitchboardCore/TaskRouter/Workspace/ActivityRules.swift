public import Foundation

/// Twilio's validation for Activities.
public enum ActivityRules {
    /// Twilio reads `Available` loosely: `true`, `1` and `yes` mean available, anything else does not.
    public static func available(_ raw: String?) -> Bool {
        guard let raw else { return false }
        return ["true", "1", "yes"].contains(raw.lowercased())
    }

    /// Builds a new activity.
    public static func create(
        friendlyName: String?, available: String?, sid: String, accountSid: String, workspaceSid: String, now: Date
    ) throws(TwilioError) -> Activity {
        guard let friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        try WorkspaceRules.checkName(friendlyName)
        return Activity(sid: sid, accountSid: accountSid, workspaceSid: workspaceSid, friendlyName: friendlyName,
                        available: Self.available(available), dateCreated: now, dateUpdated: now)
    }

    /// Renames an activity; its availability cannot change after creation.
    public static func rename(_ activity: Activity, to friendlyName: String?, now: Date) throws(TwilioError) -> Activity {
        guard let friendlyName, friendlyName != activity.friendlyName else { return activity }
        guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
        try WorkspaceRules.checkName(friendlyName)
        var renamed = activity
        renamed.friendlyName = friendlyName
        renamed.dateUpdated = now
        return renamed
    }
}

public import Foundation

/// Twilio's validation for TaskChannels.
public enum TaskChannelRules {
    /// Builds a new task channel; the unique name is fixed from then on.
    public static func create(
        friendlyName: String?, uniqueName: String?, channelOptimizedRouting: Bool?,
        sid: String, accountSid: String, workspaceSid: String, now: Date
    ) throws(TwilioError) -> TaskChannel {
        guard let friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        guard let uniqueName, !uniqueName.isEmpty else { throw .missingParameter("UniqueName") }
        try WorkspaceRules.checkName(friendlyName)
        try WorkspaceRules.checkName(uniqueName, parameter: "UniqueName")
        return TaskChannel(sid: sid, accountSid: accountSid, workspaceSid: workspaceSid, friendlyName: friendlyName,
                           uniqueName: uniqueName, channelOptimizedRouting: channelOptimizedRouting, dateCreated: now, dateUpdated: now)
    }

    /// Applies an update of the friendly name or the routing preference.
    public static func update(
        _ channel: TaskChannel, friendlyName: String?, channelOptimizedRouting: Bool?, now: Date
    ) throws(TwilioError) -> TaskChannel {
        var updated = channel
        if let friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            try WorkspaceRules.checkName(friendlyName)
            updated.friendlyName = friendlyName
        }
        if let channelOptimizedRouting { updated.channelOptimizedRouting = channelOptimizedRouting }
        if updated != channel { updated.dateUpdated = now }
        return updated
    }
}

public import Foundation

/// The typed parameters of a Workspace create or update; `nil` means not sent.
public struct WorkspaceChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `EventCallbackUrl`; an empty string clears it.
    public var eventCallbackURL: String?
    /// `EventsFilter`; an empty string clears it.
    public var eventsFilter: String?
    /// `MultiTaskEnabled`.
    public var multiTaskEnabled: Bool?
    /// `PrioritizeQueueOrder`, unparsed.
    public var prioritizeQueueOrder: String?
    /// `Template` (create only), unparsed.
    public var template: String?
    /// `DefaultActivitySid` (update only).
    public var defaultActivitySid: String?
    /// `TimeoutActivitySid` (update only).
    public var timeoutActivitySid: String?

    /// No changes.
    public init() {}
}

/// The `Template` a workspace is created from.
public enum WorkspaceTemplate: String, Sendable {
    /// Only the default activities and task channels.
    case none = "NONE"
    /// The defaults plus one queue for every worker and a first-in-first-out workflow into it.
    case fifo = "FIFO"
}

/// Twilio's validation and defaults for Workspaces.
public enum WorkspaceRules {
    /// The longest friendly name Twilio accepts.
    public static let maximumNameLength = 64

    /// Builds a new workspace; its default and timeout activity are the given Offline activity.
    public static func create(
        _ changes: WorkspaceChanges, sid: String, accountSid: String, offlineActivitySid: String, now: Date
    ) throws(TwilioError) -> (Workspace, WorkspaceTemplate) {
        guard let friendlyName = changes.friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        try checkName(friendlyName)
        let template: WorkspaceTemplate
        if let raw = changes.template {
            guard let parsed = WorkspaceTemplate(rawValue: raw.uppercased()) else {
                throw .invalidParameter("Template must be NONE or FIFO; got '\(raw)'")
            }
            template = parsed
        } else {
            template = .none
        }
        let workspace = Workspace(
            sid: sid, accountSid: accountSid, friendlyName: friendlyName,
            eventCallbackURL: try callbackURL(changes.eventCallbackURL),
            eventsFilter: changes.eventsFilter.flatMap { $0.isEmpty ? nil : $0 },
            multiTaskEnabled: changes.multiTaskEnabled ?? true,
            prioritizeQueueOrder: try changes.prioritizeQueueOrder.map { raw throws(TwilioError) in try QueueOrder.parse(raw, parameter: "PrioritizeQueueOrder") } ?? .fifo,
            defaultActivitySid: offlineActivitySid, timeoutActivitySid: offlineActivitySid,
            dateCreated: now, dateUpdated: now)
        return (workspace, template)
    }

    /// Applies an update. Activity SIDs must name activities of this workspace; the caller checks that
    /// and passes only SIDs it found.
    public static func update(_ workspace: Workspace, with changes: WorkspaceChanges, now: Date) throws(TwilioError) -> Workspace {
        var updated = workspace
        if let friendlyName = changes.friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            try checkName(friendlyName)
            updated.friendlyName = friendlyName
        }
        if changes.eventCallbackURL != nil { updated.eventCallbackURL = try callbackURL(changes.eventCallbackURL) }
        if let filter = changes.eventsFilter { updated.eventsFilter = filter.isEmpty ? nil : filter }
        if let multiTask = changes.multiTaskEnabled { updated.multiTaskEnabled = multiTask }
        if let raw = changes.prioritizeQueueOrder { updated.prioritizeQueueOrder = try QueueOrder.parse(raw, parameter: "PrioritizeQueueOrder") }
        if let sid = changes.defaultActivitySid { updated.defaultActivitySid = sid }
        if let sid = changes.timeoutActivitySid { updated.timeoutActivitySid = sid }
        if updated != workspace { updated.dateUpdated = now }
        return updated
    }

    static func callbackURL(_ raw: String?) throws(TwilioError) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        try FlexFlowRules.checkWebhookURL(raw, name: "EventCallbackUrl")
        return raw
    }

    /// Names longer than Twilio's 64 characters are refused.
    public static func checkName(_ name: String, parameter: String = "FriendlyName") throws(TwilioError) {
        guard name.count <= maximumNameLength else {
            throw .invalidParameter("\(parameter) must be at most \(maximumNameLength) characters long")
        }
    }
}

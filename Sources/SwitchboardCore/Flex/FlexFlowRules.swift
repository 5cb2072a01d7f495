public import Foundation

/// Twilio's validation and defaults for Flex Flows.
public enum FlexFlowRules {
    /// Task timeout when none is given: 24 hours.
    public static let defaultTaskTimeout = 86_400
    /// The longest task timeout TaskRouter accepts, so a flow never makes tasks TaskRouter would refuse.
    public static let maximumTaskTimeout = TaskRules.maximumTimeout
    /// Retries of a Studio Flow or webhook when none is given.
    public static let defaultRetryCount = 3
    /// The task channel used when none is given.
    public static let defaultTaskChannel = "default"

    /// Builds a new flow from create parameters, or names the first parameter that is wrong.
    public static func create(
        _ changes: FlexFlowChanges, sid: String, accountSid: String, now: Date
    ) throws(TwilioError) -> FlexFlow {
        guard let friendlyName = changes.friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        guard let chatServiceSid = changes.chatServiceSid, !chatServiceSid.isEmpty else { throw .missingParameter("ChatServiceSid") }
        guard let rawChannelType = changes.channelType else { throw .missingParameter("ChannelType") }
        try checkReference(chatServiceSid, prefix: "IS", name: "ChatServiceSid")
        return FlexFlow(
            sid: sid,
            accountSid: accountSid,
            friendlyName: friendlyName,
            chatServiceSid: chatServiceSid,
            channelType: try channelType(rawChannelType),
            contactIdentity: changes.contactIdentity,
            enabled: changes.enabled ?? true,
            integration: try integration(changes, existing: nil),
            longLived: changes.longLived ?? false,
            janitorEnabled: changes.janitorEnabled ?? false,
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies update parameters to a flow; what was not sent stays as it was.
    public static func update(_ flow: FlexFlow, with changes: FlexFlowChanges, now: Date) throws(TwilioError) -> FlexFlow {
        var updated = flow
        if let friendlyName = changes.friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            updated.friendlyName = friendlyName
        }
        if let chatServiceSid = changes.chatServiceSid {
            try checkReference(chatServiceSid, prefix: "IS", name: "ChatServiceSid")
            updated.chatServiceSid = chatServiceSid
        }
        if let raw = changes.channelType { updated.channelType = try channelType(raw) }
        if let contactIdentity = changes.contactIdentity { updated.contactIdentity = contactIdentity }
        if let enabled = changes.enabled { updated.enabled = enabled }
        if let longLived = changes.longLived { updated.longLived = longLived }
        if let janitorEnabled = changes.janitorEnabled { updated.janitorEnabled = janitorEnabled }
        updated.integration = try integration(changes, existing: flow.integration)
        if updated != flow { updated.dateUpdated = now }
        return updated
    }

    static func channelType(_ raw: String) throws(TwilioError) -> FlexFlowChannelType {
        guard let value = FlexFlowChannelType(rawValue: raw) else {
            throw .invalidParameter("ChannelType must be one of \(FlexFlowChannelType.allCases.map(\.rawValue).joined(separator: ", ")); got '\(raw)'")
        }
        return value
    }

    /// The integration after applying `changes` to `existing`. With no `IntegrationType` sent, the type is kept
    /// on update; on create it is taken from the settings sent, and is `studio` (Twilio's default) when none are.
    static func integration(_ changes: FlexFlowChanges, existing: FlexFlowIntegration?) throws(TwilioError) -> FlexFlowIntegration {
        let type: FlexFlowIntegrationType
        if let raw = changes.integrationType {
            guard let parsed = FlexFlowIntegrationType(rawValue: raw) else {
                throw .invalidParameter("IntegrationType must be one of studio, external, task; got '\(raw)'")
            }
            type = parsed
        } else if let existing {
            type = existing.type
        } else if changes.workspaceSid != nil || changes.workflowSid != nil {
            type = .task
        } else if changes.url != nil {
            type = .external
        } else {
            type = .studio
        }
        // Settings carry over only while the type stays the same.
        let kept = existing?.type == type ? existing : nil
        switch type {
        case .studio:
            guard let flowSid = changes.flowSid ?? kept?.studioFlowSid else {
                throw .invalidParameter("Integration.FlowSid is required when IntegrationType is studio")
            }
            try checkReference(flowSid, prefix: "FW", name: "Integration.FlowSid")
            return .studio(flowSid: flowSid, retryCount: try retryCount(changes.retryCount ?? kept?.retryCount))
        case .external:
            guard let url = changes.url ?? kept?.externalURL else {
                throw .invalidParameter("Integration.Url is required when IntegrationType is external")
            }
            try checkWebhookURL(url, name: "Integration.Url")
            return .external(url: url, retryCount: try retryCount(changes.retryCount ?? kept?.retryCount))
        case .task:
            let current = kept?.taskSettings
            guard let workspaceSid = changes.workspaceSid ?? current?.workspaceSid else {
                throw .invalidParameter("Integration.WorkspaceSid is required when IntegrationType is task")
            }
            guard let workflowSid = changes.workflowSid ?? current?.workflowSid else {
                throw .invalidParameter("Integration.WorkflowSid is required when IntegrationType is task")
            }
            try checkReference(workspaceSid, prefix: "WS", name: "Integration.WorkspaceSid")
            try checkReference(workflowSid, prefix: "WW", name: "Integration.WorkflowSid")
            let channel = changes.channel ?? current?.channel ?? defaultTaskChannel
            guard !channel.isEmpty else { throw .invalidParameter("Integration.Channel must not be empty") }
            let timeout = changes.timeout ?? current?.timeout ?? defaultTaskTimeout
            guard (1...maximumTaskTimeout).contains(timeout) else {
                throw .invalidParameter("Integration.Timeout must be between 1 and \(maximumTaskTimeout) seconds")
            }
            let priority = changes.priority ?? current?.priority ?? 0
            guard priority >= 0 else { throw .invalidParameter("Integration.Priority must not be negative") }
            return .task(TaskIntegration(
                workspaceSid: workspaceSid, workflowSid: workflowSid, channel: channel, timeout: timeout,
                priority: priority, creationOnMessage: changes.creationOnMessage ?? current?.creationOnMessage ?? false
            ))
        }
    }

    static func retryCount(_ value: Int?) throws(TwilioError) -> Int {
        let count = value ?? defaultRetryCount
        guard (0...3).contains(count) else { throw .invalidParameter("Integration.RetryCount must be between 0 and 3") }
        return count
    }

    /// Referenced SIDs are checked by shape (`Sid.isReference`) and stored as given: the resources they name may
    /// live elsewhere, and Twilio's own samples use placeholders such as `ISXXXX…None`.
    static func checkReference(_ value: String, prefix: String, name: String) throws(TwilioError) {
        guard Sid.isReference(value, prefix: prefix) else {
            throw .invalidParameter("\(name) must be a SID of \(prefix) and 32 hex digits; got '\(value)'")
        }
    }

    /// Webhook URLs must be absolute http or https URLs.
    public static func checkWebhookURL(_ value: String, name: String) throws(TwilioError) {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw .invalidParameter("\(name) must be an absolute http or https URL; got '\(value)'")
        }
    }
}

extension FlexFlowIntegration {
    var studioFlowSid: String? { if case .studio(let sid, _) = self { sid } else { nil } }
    var externalURL: String? { if case .external(let url, _) = self { url } else { nil } }
    var taskSettings: TaskIntegration? { if case .task(let settings) = self { settings } else { nil } }
    var retryCount: Int? {
        switch self {
        case .studio(_, let count), .external(_, let count): count
        case .task: nil
        }
    }
}

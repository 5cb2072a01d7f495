public import struct Foundation.Date

/// Twilio's validation and defaults for Workflows.
public enum WorkflowRules {
    /// `TaskReservationTimeout` when none is given, in seconds.
    public static let defaultTaskReservationTimeout = 120
    /// The `TaskReservationTimeout` Twilio accepts: one second to 24 hours.
    public static let taskReservationTimeoutRange = 1...86_400

    /// Builds a new workflow from create parameters, or names the first parameter that is wrong.
    public static func create(
        _ changes: WorkflowChanges, sid: String, accountSid: String, workspaceSid: String, now: Date
    ) throws(TwilioError) -> Workflow {
        guard let friendlyName = changes.friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        guard let configuration = changes.configuration, !configuration.isEmpty else { throw .missingParameter("Configuration") }
        _ = try WorkflowConfiguration.parse(configuration)
        return Workflow(
            sid: sid,
            accountSid: accountSid,
            workspaceSid: workspaceSid,
            friendlyName: friendlyName,
            configuration: configuration,
            assignmentCallbackUrl: try callbackURL(changes.assignmentCallbackUrl, name: "AssignmentCallbackUrl"),
            fallbackAssignmentCallbackUrl: try callbackURL(changes.fallbackAssignmentCallbackUrl, name: "FallbackAssignmentCallbackUrl"),
            taskReservationTimeout: try taskReservationTimeout(changes.taskReservationTimeout ?? defaultTaskReservationTimeout),
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// Applies update parameters to a workflow; what was not sent stays as it was.
    public static func update(_ workflow: Workflow, with changes: WorkflowChanges, now: Date) throws(TwilioError) -> Workflow {
        var updated = workflow
        if let friendlyName = changes.friendlyName {
            guard !friendlyName.isEmpty else { throw .invalidParameter("FriendlyName must not be empty") }
            updated.friendlyName = friendlyName
        }
        if let configuration = changes.configuration {
            _ = try WorkflowConfiguration.parse(configuration)
            updated.configuration = configuration
        }
        if let url = changes.assignmentCallbackUrl {
            updated.assignmentCallbackUrl = try callbackURL(url, name: "AssignmentCallbackUrl")
        }
        if let url = changes.fallbackAssignmentCallbackUrl {
            updated.fallbackAssignmentCallbackUrl = try callbackURL(url, name: "FallbackAssignmentCallbackUrl")
        }
        if let timeout = changes.taskReservationTimeout { updated.taskReservationTimeout = try taskReservationTimeout(timeout) }
        if updated != workflow { updated.dateUpdated = now }
        return updated
    }

    static func taskReservationTimeout(_ seconds: Int) throws(TwilioError) -> Int {
        guard taskReservationTimeoutRange.contains(seconds) else {
            throw .invalidParameter(
                "TaskReservationTimeout must be between \(taskReservationTimeoutRange.lowerBound) and \(taskReservationTimeoutRange.upperBound) seconds; got \(seconds)")
        }
        return seconds
    }

    /// An optional callback URL: empty clears it, anything else must be an absolute http or https URL.
    static func callbackURL(_ value: String?, name: String) throws(TwilioError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        try FlexFlowRules.checkWebhookURL(value, name: name)
        return value
    }
}

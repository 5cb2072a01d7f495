/// How an interaction's task describes it, so Flex UI and the agent's tools find the conversation behind a task.
public enum InteractionRules {
    /// The task's attributes: the client's, plus `conversationSid`, `flexInteractionSid`, `flexInteractionChannelSid`,
    /// `initiatedBy`, `direction` and `channelType`, as Twilio adds them; `worker_sid` names the known agent so a workflow
    /// target with `known_worker_sid: task.worker_sid` offers the task to that agent only.
    public static func taskAttributes(
        _ request: InteractionRequest, conversationSid: String, interactionSid: String, channelSid: String
    ) -> AttributeValue {
        var members: [String: AttributeValue] = [:]
        if case .object(let given) = request.routing.attributes { members = given }
        members["conversationSid"] = .string(conversationSid)
        members["flexInteractionSid"] = .string(interactionSid)
        members["flexInteractionChannelSid"] = .string(channelSid)
        members["initiatedBy"] = .string(request.initiatedBy)
        members["direction"] = .string(request.initiatedBy == "customer" ? "inbound" : "outbound")
        members["channelType"] = .string(request.type.rawValue)
        if members["customerAddress"] == nil { members["customerAddress"] = .string(request.participant.address) }
        if let worker = request.routing.workerSid { members["worker_sid"] = .string(worker) }
        return .object(members)
    }

    /// The statuses a client may move a channel to.
    public static let updatableStatuses: [InteractionChannelStatus] = [.closed, .inactive]

    /// Reads an update's `Status`, refusing anything but `closed` and `inactive` as Twilio does.
    public static func requestedStatus(_ raw: String?) throws(TwilioError) -> InteractionChannelStatus {
        guard let raw, !raw.isEmpty else { throw .missingParameter("Status") }
        guard let status = InteractionChannelStatus(rawValue: raw), updatableStatuses.contains(status) else {
            throw .invalidParameter("Status must be one of closed, inactive; got '\(raw)'")
        }
        return status
    }
}

/// How an interaction's task describes it, so Flex UI and the agent's tools find the conversation behind a task.
public enum InteractionRules {
    /// The task's attributes: the client's, plus `conversationSid`, `flexInteractionSid`, `flexInteractionChannelSid`,
    /// `flexChannelInviteSid`, `initiatedBy`, `direction`, `channelType` and `conversations`, as Twilio adds them; `worker_sid` names the known agent so a workflow
    /// target with `known_worker_sid: task.worker_sid` offers the task to that agent only.
    public static func taskAttributes(
        _ request: InteractionRequest, conversationSid: String, interactionSid: String, channelSid: String, inviteSid: String
    ) -> AttributeValue {
        var members: [String: AttributeValue] = [:]
        if case .object(let given) = request.routing.attributes { members = given }
        let direction = request.initiatedBy == "customer" ? "inbound" : "outbound"
        members["conversationSid"] = .string(conversationSid)
        members["flexInteractionSid"] = .string(interactionSid)
        members["flexInteractionChannelSid"] = .string(channelSid)
        members["flexChannelInviteSid"] = .string(inviteSid)
        members["initiatedBy"] = .string(request.initiatedBy)
        members["direction"] = .string(direction)
        members["channelType"] = .string(request.type.rawValue)
        // Flex Insights reads `conversations`; the caller's own wins, as every routing attribute is added as is.
        if members["conversations"] == nil {
            members["conversations"] = insightsConversation(
                initiatedBy: request.initiatedBy, channelType: request.type, direction: direction,
                interactionSid: interactionSid, conversationSid: conversationSid)
        }
        if members["customerAddress"] == nil { members["customerAddress"] = .string(request.participant.address) }
        if let worker = request.routing.workerSid { members["worker_sid"] = .string(worker) }
        return .object(members)
    }

    /// The `conversations` attribute Twilio puts on an interaction's task: who began it, over what and which way
    /// (capitalised, as the Interactions API overview's example response shows), the interaction as the Insights
    /// conversation, and the conversation as its transcript (both spellings of the media entry Twilio's examples use).
    static func insightsConversation(
        initiatedBy: String, channelType: InteractionChannelType, direction: String, interactionSid: String, conversationSid: String
    ) -> AttributeValue {
        func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
        return .object([
            "initiated_by": .string(capitalised(initiatedBy)),
            "communication_channel": .string(capitalised(channelType.rawValue)),
            "direction": .string(capitalised(direction)),
            "conversation_id": .string(interactionSid),
            "media": .array([.object([
                "type": .string("ChatTranscript"), "sid": .string(conversationSid), "conversation_sid": .string(conversationSid),
            ])]),
        ])
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

extension InteractionRoutingRequest {
    /// Parses a `Routing` JSON parameter on its own, as invites and transfers send it.
    public static func parse(_ text: String?) throws(TwilioError) -> InteractionRoutingRequest {
        try InteractionRequest.parseRouting(text)
    }

    /// The task attributes of an invite: the channel's first task's attributes (which name the conversation and the
    /// interaction), the invite's own attributes over them, the invite's SID, and the known agent when one is named.
    public func inviteAttributes(base: AttributeValue, inviteSid: String) -> AttributeValue {
        var members: [String: AttributeValue] = [:]
        if case .object(let inherited) = base { members = inherited }
        if case .object(let given) = attributes { members.merge(given) { _, new in new } }
        members["flexChannelInviteSid"] = .string(inviteSid)
        // An invite without a known agent must not inherit the first task's agent.
        if let workerSid { members["worker_sid"] = .string(workerSid) } else { members.removeValue(forKey: "worker_sid") }
        return .object(members)
    }
}

import SwitchboardCore

/// The JSON of an Interaction (`proxy.v1.service.session.interaction`) or, with `participantSid`, a
/// MessageInteraction (`proxy.v1.service.session.participant.message_interaction`).
enum ProxyInteractionRepresentation {
    static func json(_ interaction: ProxyInteraction, participantSid: String? = nil, baseURL: String) -> JSONValue {
        let session = ProxyScope.sessionURL(interaction.serviceSid, interaction.sessionSid, baseURL: baseURL)
        let url = participantSid.map { session + "/Participants/" + $0 + "/MessageInteractions/" + interaction.sid }
            ?? session + "/Interactions/" + interaction.sid
        var fields: [(String, JSONValue)] = [
            ("sid", .string(interaction.sid)),
            ("session_sid", .string(interaction.sessionSid)),
            ("service_sid", .string(interaction.serviceSid)),
            ("account_sid", .string(interaction.accountSid)),
            ("data", .string(interaction.data)),
            ("type", .string("message")),
        ]
        if let participantSid { fields.append(("participant_sid", .string(participantSid))) }
        fields += [
            ("inbound_participant_sid", .string(interaction.inboundParticipantSid)),
            ("inbound_resource_sid", .string(interaction.inboundResourceSid)),
            ("inbound_resource_status", .string(resourceStatus(interaction.inboundResourceStatus))),
            ("inbound_resource_type", .string(interaction.inboundResourceType)),
            ("inbound_resource_url", .null),
            ("outbound_participant_sid", .string(interaction.outboundParticipantSid)),
            ("outbound_resource_sid", .string(interaction.outboundResourceSid)),
            ("outbound_resource_status", .string(resourceStatus(interaction.outboundResourceStatus))),
            ("outbound_resource_type", .string(interaction.outboundResourceType)),
            ("outbound_resource_url", .null),
            ("date_created", .string(WireDate.iso8601(interaction.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(interaction.dateUpdated))),
            ("url", .string(url)),
        ]
        return .object(fields)
    }

    /// Twilio's `interaction_enum_resource_status`, which is not nullable.
    static let resourceStatuses: Set<String> = [
        "accepted", "answered", "busy", "canceled", "completed", "deleted", "delivered", "delivery-unknown", "failed", "in-progress",
        "initiated", "no-answer", "queued", "received", "receiving", "ringing", "scheduled", "sending", "sent", "undelivered", "unknown",
    ]

    /// A resource status as the schema allows it: a MessageInteraction the API created has no inbound resource, and a
    /// message status the enum lacks (`read`, `partially_delivered`) has no spelling there, so both are `unknown`.
    static func resourceStatus(_ status: String?) -> String {
        guard let status, resourceStatuses.contains(status) else { return "unknown" }
        return status
    }
}

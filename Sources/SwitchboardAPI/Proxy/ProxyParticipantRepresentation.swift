import SwitchboardCore

/// The JSON of a Proxy Participant, with the properties of `proxy.v1.service.session.participant`.
enum ProxyParticipantRepresentation {
    static func json(_ participant: ProxyParticipant, baseURL: String) -> JSONValue {
        let url = ProxyScope.sessionURL(participant.serviceSid, participant.sessionSid, baseURL: baseURL) + "/Participants/" + participant.sid
        return .object([
            ("sid", .string(participant.sid)),
            ("session_sid", .string(participant.sessionSid)),
            ("service_sid", .string(participant.serviceSid)),
            ("account_sid", .string(participant.accountSid)),
            ("friendly_name", .string(participant.friendlyName)),
            ("identifier", .string(participant.identifier)),
            ("proxy_identifier", .string(participant.proxyIdentifier)),
            ("proxy_identifier_sid", .string(participant.proxyIdentifierSid)),
            ("date_deleted", .null),
            ("date_created", .string(WireDate.iso8601(participant.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(participant.dateUpdated))),
            ("url", .string(url)),
            ("links", .object([("message_interactions", .string(url + "/MessageInteractions"))])),
        ])
    }
}

import SwitchboardCore

/// The JSON of a Proxy Session, with the properties of `proxy.v1.service.session`.
enum ProxySessionRepresentation {
    static func json(_ session: ProxySession, baseURL: String) -> JSONValue {
        let url = ProxyScope.sessionURL(session.serviceSid, session.sid, baseURL: baseURL)
        return .object([
            ("sid", .string(session.sid)),
            ("service_sid", .string(session.serviceSid)),
            ("account_sid", .string(session.accountSid)),
            ("date_started", .string(WireDate.iso8601(session.dateStarted))),
            ("date_ended", .string(session.dateEnded.map(WireDate.iso8601))),
            ("date_last_interaction", .string(session.dateLastInteraction.map(WireDate.iso8601))),
            ("date_expiry", .string(session.expiresAt.map(WireDate.iso8601))),
            ("unique_name", .string(session.uniqueName)),
            ("status", .string(session.status)),
            ("closed_reason", .string(session.closedReason)),
            ("ttl", .int(session.ttl)),
            ("mode", .string(session.mode)),
            ("date_created", .string(WireDate.iso8601(session.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(session.dateUpdated))),
            ("url", .string(url)),
            ("links", .object([("interactions", .string(url + "/Interactions")), ("participants", .string(url + "/Participants"))])),
        ])
    }
}

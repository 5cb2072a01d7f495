/// Which way a message travelled, with Twilio's values.
public enum MessageDirection: String, Sendable, CaseIterable {
    /// From a customer to Switchboard.
    case inbound
    /// Created through the REST API or by a Switchboard service on an application's behalf.
    case outboundAPI = "outbound-api"
    /// Created during a call; Switchboard has no calls, but the value is Twilio's.
    case outboundCall = "outbound-call"
    /// Created in reply to an inbound message.
    case outboundReply = "outbound-reply"
}

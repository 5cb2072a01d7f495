/// The Twilio API domains Switchboard serves, named by the first label of their host names.
public enum TwilioDomain: String, Sendable, CaseIterable {
    /// `flex-api.twilio.com`.
    case flexAPI = "flex-api"
    /// `proxy.twilio.com`.
    case proxy
    /// `chat.twilio.com`.
    case chat
    /// `conversations.twilio.com`.
    case conversations
    /// `taskrouter.twilio.com`.
    case taskRouter = "taskrouter"
    /// `api.twilio.com`, home of API 2010.
    case api
    /// `content.twilio.com`.
    case content
    /// `messaging.twilio.com`.
    case messaging
    /// Switchboard's sandbox: simulated customer handsets. Not a Twilio domain.
    case sandbox
    /// Switchboard's own operations API, such as the outbox. Not a Twilio domain.
    case switchboard

    /// The domain named by a host such as `flex-api.twilio.com` or `flex-api.localhost:8080`.
    static func fromHost(_ host: String) -> TwilioDomain? {
        guard let dot = host.firstIndex(of: ".") else { return nil }
        return TwilioDomain(rawValue: host[..<dot].lowercased())
    }

    /// The domain named by a path's first segment, and the rest of the path.
    static func fromPath(_ path: String) -> (TwilioDomain, rest: Substring)? {
        let trimmed = path.utf8.first == UInt8(ascii: "/") ? path.dropFirst() : Substring(path)
        let end = trimmed.firstIndex(of: "/") ?? trimmed.endIndex
        guard let domain = TwilioDomain(rawValue: String(trimmed[..<end])) else { return nil }
        return (domain, trimmed[end...])
    }
}

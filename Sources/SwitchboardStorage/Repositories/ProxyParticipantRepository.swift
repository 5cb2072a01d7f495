public import SwitchboardCore

/// Participants of Proxy Sessions.
public protocol ProxyParticipantRepository: Sendable {
    /// Stores a new participant.
    func insert(_ participant: ProxyParticipant) async throws
    /// The participant with this SID in the session.
    func find(sid: String, sessionSid: String) async throws -> ProxyParticipant?
    /// The session's participants, oldest first.
    func all(sessionSid: String) async throws -> [ProxyParticipant]
    /// The session's participants, a page at a time.
    func list(sessionSid: String, page: PageRequest) async throws -> Page<ProxyParticipant>
    /// The account's participants, in any session, with this identifier talking through this proxy identifier:
    /// how an inbound message is threaded.
    func all(identifier: String, proxyIdentifier: String, accountSid: String) async throws -> [ProxyParticipant]
    /// The account's participants, in any session, talking through this proxy identifier: how busy a pool number is.
    func all(proxyIdentifier: String, accountSid: String) async throws -> [ProxyParticipant]
    /// Removes the participant; `false` when the session has no such participant.
    func delete(sid: String, sessionSid: String) async throws -> Bool
}

public import SwitchboardCore

/// The log of what Proxy relayed in each session.
public protocol ProxyInteractionRepository: Sendable {
    /// Records an interaction.
    func insert(_ interaction: ProxyInteraction) async throws
    /// The interaction with this SID in the session.
    func find(sid: String, sessionSid: String) async throws -> ProxyInteraction?
    /// The account's interaction with this SID, for a relayed message whose delivery moves it on.
    func find(sid: String, accountSid: String) async throws -> ProxyInteraction?
    /// Stores a changed interaction.
    func update(_ interaction: ProxyInteraction) async throws
    /// The session's interactions, oldest first; with `participantSid`, only those sent to that participant.
    func list(sessionSid: String, outboundParticipantSid: String?, page: PageRequest) async throws -> Page<ProxyInteraction>
    /// Removes the interaction; `false` when the session has no such interaction.
    func delete(sid: String, sessionSid: String) async throws -> Bool
}

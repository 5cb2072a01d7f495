public import SwitchboardCore

/// Invites to Programmable Chat Channels.
public protocol ChatInviteRepository: Sendable {
    /// Stores a new invite.
    func insert(_ invite: ChatInvite) async throws
    /// The invite with this SID to the channel.
    func find(sid: String, channelSid: String) async throws -> ChatInvite?
    /// The invite of this identity to the channel.
    func find(identity: String, channelSid: String) async throws -> ChatInvite?
    /// The channel's invites, optionally only those of the given identities.
    func list(channelSid: String, identities: [String], page: PageRequest) async throws -> Page<ChatInvite>
    /// Removes the invite; `false` when the channel has no such invite.
    func delete(sid: String, channelSid: String) async throws -> Bool
}

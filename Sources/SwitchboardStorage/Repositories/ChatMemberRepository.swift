public import SwitchboardCore

/// Members of Programmable Chat Channels.
public protocol ChatMemberRepository: Sendable {
    /// Stores a new member.
    func insert(_ member: ChatMember) async throws
    /// The member with this SID in the channel.
    func find(sid: String, channelSid: String) async throws -> ChatMember?
    /// The member with this identity in the channel.
    func find(identity: String, channelSid: String) async throws -> ChatMember?
    /// The channel's members, optionally only one identity.
    func list(channelSid: String, identity: String?, page: PageRequest) async throws -> Page<ChatMember>
    /// The memberships of one identity across the service's channels, oldest first.
    func list(serviceSid: String, identity: String, page: PageRequest) async throws -> Page<ChatMember>
    /// The membership of this identity in the channel, if the channel belongs to the service.
    func find(identity: String, channelSid: String, serviceSid: String) async throws -> ChatMember?
    /// How many members the channel has.
    func count(channelSid: String) async throws -> Int
    /// How many channels of the service this identity is a member of.
    func count(identity: String, serviceSid: String) async throws -> Int
    /// The same count for each of `identities` at once, by identity; an identity in no channel is left out.
    func counts(identities: [String], serviceSid: String) async throws -> [String: Int]
    /// Saves a changed member.
    func update(_ member: ChatMember) async throws
    /// Removes the member; `false` when the channel has no such member.
    func delete(sid: String, channelSid: String) async throws -> Bool
}

public import SwitchboardCore

/// Programmable Chat Channels, each in one service.
public protocol ChatChannelRepository: Sendable {
    /// Stores a new channel.
    func insert(_ channel: ChatChannel) async throws
    /// The channel with this SID in the service.
    func find(sid: String, serviceSid: String) async throws -> ChatChannel?
    /// The channel with this SID if `accountSid` owns it, whatever its service: how Proxy reaches a channel participant.
    func find(sid: String, accountSid: String) async throws -> ChatChannel?
    /// The channel with this unique name in the service.
    func find(uniqueName: String, serviceSid: String) async throws -> ChatChannel?
    /// The service's channels, optionally of one type.
    func list(serviceSid: String, type: String?, page: PageRequest) async throws -> Page<ChatChannel>
    /// Saves an existing channel.
    func update(_ channel: ChatChannel) async throws
    /// Removes the channel with its members, messages and webhooks; `false` when the service has no such channel.
    func delete(sid: String, serviceSid: String) async throws -> Bool
}

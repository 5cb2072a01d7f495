public import SwitchboardCore

/// Flex Channels, each owned by one account.
public protocol FlexChannelRepository: Sendable {
    /// Stores a new Flex Channel.
    func insert(_ channel: FlexChannel) async throws
    /// The Flex Channel with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> FlexChannel?
    /// The account's Flex Channels that a flow opened for this identity, oldest first: candidates for reuse.
    func all(flexFlowSid: String, identity: String, accountSid: String) async throws -> [FlexChannel]
    /// The Flex Channels whose current task is this one: what the janitor cleans up when it ends.
    func all(taskSid: String, accountSid: String) async throws -> [FlexChannel]
    /// The account's Flex Channels.
    func list(accountSid: String, page: PageRequest) async throws -> Page<FlexChannel>
    /// Saves an existing Flex Channel.
    func update(_ channel: FlexChannel) async throws
    /// Removes the Flex Channel; `false` when the account has no such channel.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

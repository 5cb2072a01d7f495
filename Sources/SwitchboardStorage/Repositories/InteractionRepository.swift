public import SwitchboardCore

/// Flex interactions with their channels and the tasks working them.
public protocol InteractionRepository: Sendable {
    /// Stores a new interaction.
    func insert(_ interaction: Interaction) async throws
    /// The account's interaction with this SID.
    func find(sid: String, accountSid: String) async throws -> Interaction?
    /// Saves a changed interaction; only what `POST /v1/Interactions/{Sid}` may change (`webhook_ttid`) is written.
    func update(_ interaction: Interaction) async throws

    /// Stores a new channel.
    func insertChannel(_ channel: InteractionChannel) async throws
    /// The interaction's channel with this SID.
    func findChannel(sid: String, interactionSid: String, accountSid: String) async throws -> InteractionChannel?
    /// The channel carried by a conversation.
    func channel(conversationSid: String, accountSid: String) async throws -> InteractionChannel?
    /// Saves a changed channel.
    func updateChannel(_ channel: InteractionChannel) async throws
    /// A page of the interaction's channels, oldest first.
    func listChannels(interactionSid: String, accountSid: String, page: PageRequest) async throws -> Page<InteractionChannel>

    /// Records a task working a channel.
    func insertTask(_ task: InteractionTask) async throws
    /// Every task that worked the channel, oldest first.
    func tasks(channelSid: String) async throws -> [InteractionTask]

    /// Stores a transfer.
    func insertTransfer(_ transfer: InteractionTransfer) async throws
    /// The channel's transfer with this SID.
    func findTransfer(sid: String, channelSid: String, accountSid: String) async throws -> InteractionTransfer?
}

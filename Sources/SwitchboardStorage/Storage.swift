/// Switchboard's persistent state. `read` and `write` hand a session to a closure; everything a `write`
/// closure does commits together or not at all.
public protocol Storage: Sendable {
    /// Runs `body` against a consistent view of the data, without writing.
    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T
    /// Closes every connection; the storage is unusable afterwards.
    func shutdown() async throws
}

/// The repositories of one database session, all bound to the same connection and transaction.
public protocol StorageSession: Sendable {
    /// Accounts and subaccounts.
    var accounts: any AccountRepository { get }
    /// API keys.
    var apiKeys: any ApiKeyRepository { get }
    /// Flex Flows.
    var flexFlows: any FlexFlowRepository { get }
    /// TaskRouter Workspaces.
    var workspaces: any WorkspaceRepository { get }
    /// TaskRouter Activities.
    var activities: any ActivityRepository { get }
    /// TaskRouter TaskChannels.
    var taskChannels: any TaskChannelRepository { get }
    /// TaskRouter TaskQueues.
    var taskQueues: any TaskQueueRepository { get }
    /// TaskRouter Workflows.
    var workflows: any WorkflowRepository { get }
    /// TaskRouter Workers and their channels.
    var workers: any WorkerRepository { get }
    /// TaskRouter Tasks.
    var tasks: any TaskRepository { get }
    /// TaskRouter Reservations.
    var reservations: any ReservationRepository { get }
    /// TaskRouter Events.
    var events: any EventRepository { get }
    /// What agents' event streams read.
    var agentFeed: any AgentFeedRepository { get }
    /// Messages over channels.
    var messages: any MessageRepository { get }
    /// The delivery outbox.
    var outbox: any OutboxRepository { get }
    /// The sandbox's customer handsets.
    var sandbox: any SandboxRepository { get }
    /// Conversations with their participants and messages.
    var conversations: any ConversationRepository { get }
    /// The conversations Conversations users take part in, with their read state.
    var userConversations: any UserConversationRepository { get }
    /// Flex interactions with their channels and tasks.
    var interactions: any InteractionRepository { get }
    /// Content templates.
    var contents: any ContentRepository { get }
    /// Conversations' address configurations and webhooks.
    var conversationConfiguration: any ConversationConfigurationRepository { get }
    /// Participants of Flex interaction channels.
    var interactionParticipants: any InteractionParticipantRepository { get }
    /// Programmable Chat Services.
    var chatServices: any ChatServiceRepository { get }
    /// Programmable Chat Users.
    var chatUsers: any ChatUserRepository { get }
    /// Programmable Chat Channels.
    var chatChannels: any ChatChannelRepository { get }
    /// Members of chat channels.
    var chatMembers: any ChatMemberRepository { get }
    /// Messages of chat channels.
    var chatMessages: any ChatMessageRepository { get }
    /// Webhooks of chat channels.
    var chatWebhooks: any ChatWebhookRepository { get }
    /// Roles of Chat and Conversations services.
    var chatRoles: any ChatRoleRepository { get }
    /// Invites to chat channels.
    var chatInvites: any ChatInviteRepository { get }
    /// Push-notification credentials of Chat and Conversations.
    var pushCredentials: any PushCredentialRepository { get }
    /// Proxy Services.
    var proxyServices: any ProxyServiceRepository { get }
    /// Proxy Services' number pools.
    var proxyPhoneNumbers: any ProxyPhoneNumberRepository { get }
    /// Proxy Sessions.
    var proxySessions: any ProxySessionRepository { get }
    /// Proxy Participants.
    var proxyParticipants: any ProxyParticipantRepository { get }
    /// Proxy Interactions.
    var proxyInteractions: any ProxyInteractionRepository { get }
    /// Flex Channels.
    var flexChannels: any FlexChannelRepository { get }
    /// Each account's Flex configuration.
    var flexConfigurations: any FlexConfigurationRepository { get }
    /// Senders that deliver through providers.
    var senders: any SenderRepository { get }
    /// API 2010's IncomingPhoneNumbers.
    var incomingPhoneNumbers: any IncomingPhoneNumberRepository { get }
    /// Runs `action` once this unit of work has committed, before `write` returns to its caller; never when it rolls
    /// back. In a read, `action` runs when the read ends.
    func afterCommit(_ action: @escaping @Sendable () async -> Void)
}

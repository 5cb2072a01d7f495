/// What a storage wrapper changes in the sessions it hands out; every repository it leaves alone is the base one.
public protocol SessionDecoration: Sendable {
    /// The repository to use for `repository`: a wrapper around it, or the repository itself.
    func decorate<Repository>(_ repository: Repository) -> Repository
}

/// A session whose repositories each pass through a ``SessionDecoration``, so a storage wrapper (the outbox's
/// doorbell, credential change notices) states only what it changes, and no wrapper forwards every repository.
/// Each repository is passed as its protocol's existential (`as any …`), which keeps Swift from opening it: the
/// decoration sees `any OutboxRepository`, not the concrete type behind it.
public struct DecoratedSession: StorageSession {
    /// The session underneath.
    public let base: any StorageSession
    let decoration: any SessionDecoration

    /// Decorates `base`'s repositories with `decoration`.
    public init(_ base: any StorageSession, decoration: any SessionDecoration) {
        self.base = base
        self.decoration = decoration
    }

    public var accounts: any AccountRepository { decoration.decorate(base.accounts as any AccountRepository) }
    public var apiKeys: any ApiKeyRepository { decoration.decorate(base.apiKeys as any ApiKeyRepository) }
    public var flexFlows: any FlexFlowRepository { decoration.decorate(base.flexFlows as any FlexFlowRepository) }
    public var workspaces: any WorkspaceRepository { decoration.decorate(base.workspaces as any WorkspaceRepository) }
    public var activities: any ActivityRepository { decoration.decorate(base.activities as any ActivityRepository) }
    public var taskChannels: any TaskChannelRepository { decoration.decorate(base.taskChannels as any TaskChannelRepository) }
    public var taskQueues: any TaskQueueRepository { decoration.decorate(base.taskQueues as any TaskQueueRepository) }
    public var workflows: any WorkflowRepository { decoration.decorate(base.workflows as any WorkflowRepository) }
    public var workers: any WorkerRepository { decoration.decorate(base.workers as any WorkerRepository) }
    public var tasks: any TaskRepository { decoration.decorate(base.tasks as any TaskRepository) }
    public var reservations: any ReservationRepository { decoration.decorate(base.reservations as any ReservationRepository) }
    public var events: any EventRepository { decoration.decorate(base.events as any EventRepository) }
    public var agentFeed: any AgentFeedRepository { decoration.decorate(base.agentFeed as any AgentFeedRepository) }
    public var messages: any MessageRepository { decoration.decorate(base.messages as any MessageRepository) }
    public var outbox: any OutboxRepository { decoration.decorate(base.outbox as any OutboxRepository) }
    public var sandbox: any SandboxRepository { decoration.decorate(base.sandbox as any SandboxRepository) }
    public var conversations: any ConversationRepository { decoration.decorate(base.conversations as any ConversationRepository) }
    public var userConversations: any UserConversationRepository { decoration.decorate(base.userConversations as any UserConversationRepository) }
    public var interactions: any InteractionRepository { decoration.decorate(base.interactions as any InteractionRepository) }
    public var contents: any ContentRepository { decoration.decorate(base.contents as any ContentRepository) }
    public var conversationConfiguration: any ConversationConfigurationRepository { decoration.decorate(base.conversationConfiguration as any ConversationConfigurationRepository) }
    public var interactionParticipants: any InteractionParticipantRepository { decoration.decorate(base.interactionParticipants as any InteractionParticipantRepository) }
    public var chatServices: any ChatServiceRepository { decoration.decorate(base.chatServices as any ChatServiceRepository) }
    public var chatUsers: any ChatUserRepository { decoration.decorate(base.chatUsers as any ChatUserRepository) }
    public var chatChannels: any ChatChannelRepository { decoration.decorate(base.chatChannels as any ChatChannelRepository) }
    public var chatMembers: any ChatMemberRepository { decoration.decorate(base.chatMembers as any ChatMemberRepository) }
    public var chatMessages: any ChatMessageRepository { decoration.decorate(base.chatMessages as any ChatMessageRepository) }
    public var chatWebhooks: any ChatWebhookRepository { decoration.decorate(base.chatWebhooks as any ChatWebhookRepository) }
    public var chatRoles: any ChatRoleRepository { decoration.decorate(base.chatRoles as any ChatRoleRepository) }
    public var chatInvites: any ChatInviteRepository { decoration.decorate(base.chatInvites as any ChatInviteRepository) }
    public var pushCredentials: any PushCredentialRepository { decoration.decorate(base.pushCredentials as any PushCredentialRepository) }
    public var proxyServices: any ProxyServiceRepository { decoration.decorate(base.proxyServices as any ProxyServiceRepository) }
    public var proxyPhoneNumbers: any ProxyPhoneNumberRepository { decoration.decorate(base.proxyPhoneNumbers as any ProxyPhoneNumberRepository) }
    public var proxySessions: any ProxySessionRepository { decoration.decorate(base.proxySessions as any ProxySessionRepository) }
    public var proxyParticipants: any ProxyParticipantRepository { decoration.decorate(base.proxyParticipants as any ProxyParticipantRepository) }
    public var proxyInteractions: any ProxyInteractionRepository { decoration.decorate(base.proxyInteractions as any ProxyInteractionRepository) }
    public var flexChannels: any FlexChannelRepository { decoration.decorate(base.flexChannels as any FlexChannelRepository) }
    public var flexConfigurations: any FlexConfigurationRepository { decoration.decorate(base.flexConfigurations as any FlexConfigurationRepository) }
    public var senders: any SenderRepository { decoration.decorate(base.senders as any SenderRepository) }
    public var incomingPhoneNumbers: any IncomingPhoneNumberRepository { decoration.decorate(base.incomingPhoneNumbers as any IncomingPhoneNumberRepository) }

    public func afterCommit(_ action: @escaping @Sendable () async -> Void) {
        base.afterCommit(action)
    }
}

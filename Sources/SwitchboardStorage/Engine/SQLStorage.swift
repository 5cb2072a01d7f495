public import Logging
import Metrics
import SQLKit

/// ``Storage`` on SQLite or PostgreSQL through SQLKit.
public final class SQLStorage: Storage {
    let engine: any SQLEngine
    let logger: Logger

    /// Which database is behind this storage.
    public var flavor: SQLFlavor { engine.flavor }

    /// Connects to `location`. Nothing is created or migrated until ``migrate()`` runs.
    public init(location: DatabaseLocation, logger: Logger, maxConnections: Int = 4) throws {
        self.logger = logger
        switch location {
        case .postgres(let url):
            self.engine = PostgresEngine(pool: try PostgresPool.make(url: url, maxConnectionsPerEventLoop: maxConnections, logger: logger))
        case .sqliteFile, .sqliteMemory:
            self.engine = SQLiteEngine(location: location, readers: maxConnections, logger: logger)
        }
    }

    /// Applies the migrations the database does not have yet and returns their versions.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let flavor = self.flavor
        return try await engine.write { database in
            try await Migrator(flavor: flavor).run(on: database)
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let flavor = self.flavor
        let followUps = CommitFollowUps()
        let result = try await engine.read { database in
            try await body(SQLSession(database: database, flavor: flavor, followUps: followUps))
        }
        await followUps.run()
        return result
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let flavor = self.flavor
        let followUps = CommitFollowUps()
        let result = try await engine.write { database in
            let started = ContinuousClock.now
            defer { Self.unitTimer.recordNanoseconds((ContinuousClock.now - started).wholeNanoseconds) }
            return try await body(SQLSession(database: database, flavor: flavor, followUps: followUps))
        }
        await followUps.run()
        return result
    }

    public func shutdown() async throws {
        try await engine.shutdown()
    }

    /// Times every unit of work; a no-op until the executable bootstraps a metrics backend.
    static var unitTimer: Metrics.Timer { Metrics.Timer(label: StorageMetrics.transactionDuration, preferredDisplayUnit: .seconds) }
}

/// The repositories of one SQL connection.
struct SQLSession: StorageSession {
    let database: any SQLDatabase
    let flavor: SQLFlavor
    let followUps: CommitFollowUps

    func afterCommit(_ action: @escaping @Sendable () async -> Void) {
        followUps.add(action)
    }

    var accounts: any AccountRepository { SQLAccountRepository(database: database) }
    var apiKeys: any ApiKeyRepository { SQLApiKeyRepository(database: database) }
    var flexFlows: any FlexFlowRepository { SQLFlexFlowRepository(database: database) }
    var workspaces: any WorkspaceRepository { SQLWorkspaceRepository(database: database) }
    var activities: any ActivityRepository { SQLActivityRepository(database: database) }
    var taskChannels: any TaskChannelRepository { SQLTaskChannelRepository(database: database) }
    var taskQueues: any TaskQueueRepository { SQLTaskQueueRepository(database: database) }
    var workflows: any WorkflowRepository { SQLWorkflowRepository(database: database) }
    var workers: any WorkerRepository { SQLWorkerRepository(database: database) }
    var tasks: any TaskRepository { SQLTaskRepository(database: database) }
    var reservations: any ReservationRepository { SQLReservationRepository(database: database) }
    var events: any EventRepository { SQLEventRepository(database: database) }
    var agentFeed: any AgentFeedRepository { SQLAgentFeedRepository(database: database, flavor: flavor) }
    var messages: any MessageRepository { SQLMessageRepository(database: database) }
    var outbox: any OutboxRepository { SQLOutboxRepository(database: database, flavor: flavor) }
    var sandbox: any SandboxRepository { SQLSandboxRepository(database: database, flavor: flavor) }
    var conversations: any ConversationRepository { SQLConversationRepository(database: database) }
    var userConversations: any UserConversationRepository { SQLUserConversationRepository(database: database) }
    var interactions: any InteractionRepository { SQLInteractionRepository(database: database) }
    var contents: any ContentRepository { SQLContentRepository(database: database) }
    var conversationConfiguration: any ConversationConfigurationRepository { SQLConversationConfigurationRepository(database: database) }
    var interactionParticipants: any InteractionParticipantRepository { SQLInteractionParticipantRepository(database: database) }
    var chatServices: any ChatServiceRepository { SQLChatServiceRepository(database: database) }
    var chatUsers: any ChatUserRepository { SQLChatUserRepository(database: database) }
    var chatChannels: any ChatChannelRepository { SQLChatChannelRepository(database: database) }
    var chatMembers: any ChatMemberRepository { SQLChatMemberRepository(database: database) }
    var chatMessages: any ChatMessageRepository { SQLChatMessageRepository(database: database) }
    var chatWebhooks: any ChatWebhookRepository { SQLChatWebhookRepository(database: database) }
    var chatRoles: any ChatRoleRepository { SQLChatRoleRepository(database: database) }
    var chatInvites: any ChatInviteRepository { SQLChatInviteRepository(database: database) }
    var pushCredentials: any PushCredentialRepository { SQLPushCredentialRepository(database: database) }
    var proxyServices: any ProxyServiceRepository { SQLProxyServiceRepository(database: database) }
    var proxyPhoneNumbers: any ProxyPhoneNumberRepository { SQLProxyPhoneNumberRepository(database: database) }
    var proxySessions: any ProxySessionRepository { SQLProxySessionRepository(database: database) }
    var proxyParticipants: any ProxyParticipantRepository { SQLProxyParticipantRepository(database: database) }
    var proxyInteractions: any ProxyInteractionRepository { SQLProxyInteractionRepository(database: database) }
    var flexChannels: any FlexChannelRepository { SQLFlexChannelRepository(database: database) }
    var flexConfigurations: any FlexConfigurationRepository { SQLFlexConfigurationRepository(database: database) }
    var senders: any SenderRepository { SQLSenderRepository(database: database) }
    var incomingPhoneNumbers: any IncomingPhoneNumberRepository { SQLIncomingPhoneNumberRepository(database: database) }
}

extension Duration {
    /// The duration in whole nanoseconds, for metrics.
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

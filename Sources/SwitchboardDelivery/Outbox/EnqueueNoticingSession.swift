import Foundation
import Synchronization
public import SwitchboardCore
public import SwitchboardStorage

/// Set once an outbox entry is queued in a transaction.
final class QueuedFlag: Sendable {
    private let value = Atomic(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// A session whose outbox notes that something was queued, and which notes that the transaction used a repository
/// whose writes event streams show (the event log, conversations and channel messages for agents, the sandbox for
/// handsets); every repository is the base session's.
struct EnqueueNoticingSession: StorageSession {
    let base: any StorageSession
    let queued: QueuedFlag
    /// Set when the event log, conversations, channel messages or the sandbox are used. Use, not only writing, sets it: a
    /// stream woken for nothing checks once more, which is cheaper than wrapping every one of their methods.
    let feedTouched: QueuedFlag

    var accounts: any AccountRepository { base.accounts }
    var apiKeys: any ApiKeyRepository { base.apiKeys }
    var flexFlows: any FlexFlowRepository { base.flexFlows }
    var workspaces: any WorkspaceRepository { base.workspaces }
    var activities: any ActivityRepository { base.activities }
    var taskChannels: any TaskChannelRepository { base.taskChannels }
    var taskQueues: any TaskQueueRepository { base.taskQueues }
    var workflows: any WorkflowRepository { base.workflows }
    var workers: any WorkerRepository { base.workers }
    var tasks: any TaskRepository { base.tasks }
    var reservations: any ReservationRepository { base.reservations }
    var events: any EventRepository { feedTouched.set(); return base.events }
    var agentFeed: any AgentFeedRepository { base.agentFeed }
    var messages: any MessageRepository { feedTouched.set(); return base.messages }
    var sandbox: any SandboxRepository { feedTouched.set(); return base.sandbox }
    var conversations: any ConversationRepository { feedTouched.set(); return base.conversations }
    var userConversations: any UserConversationRepository { base.userConversations }
    var interactions: any InteractionRepository { base.interactions }
    var contents: any ContentRepository { base.contents }
    var conversationConfiguration: any ConversationConfigurationRepository { base.conversationConfiguration }
    var interactionParticipants: any InteractionParticipantRepository { base.interactionParticipants }
    var chatServices: any ChatServiceRepository { base.chatServices }
    var chatUsers: any ChatUserRepository { base.chatUsers }
    var chatChannels: any ChatChannelRepository { base.chatChannels }
    var chatMembers: any ChatMemberRepository { base.chatMembers }
    var chatMessages: any ChatMessageRepository { base.chatMessages }
    var chatWebhooks: any ChatWebhookRepository { base.chatWebhooks }
    var chatRoles: any ChatRoleRepository { base.chatRoles }
    var chatInvites: any ChatInviteRepository { base.chatInvites }
    var pushCredentials: any PushCredentialRepository { base.pushCredentials }
    var proxyServices: any ProxyServiceRepository { base.proxyServices }
    var proxyPhoneNumbers: any ProxyPhoneNumberRepository { base.proxyPhoneNumbers }
    var proxySessions: any ProxySessionRepository { base.proxySessions }
    var proxyParticipants: any ProxyParticipantRepository { base.proxyParticipants }
    var proxyInteractions: any ProxyInteractionRepository { base.proxyInteractions }
    var flexChannels: any FlexChannelRepository { base.flexChannels }
    var flexConfigurations: any FlexConfigurationRepository { base.flexConfigurations }
    var senders: any SenderRepository { base.senders }
    var incomingPhoneNumbers: any IncomingPhoneNumberRepository { base.incomingPhoneNumbers }
    var outbox: any OutboxRepository { NoticingOutbox(base: base.outbox, queued: queued) }
}

/// An outbox that sets the flag on enqueue.
struct NoticingOutbox: OutboxRepository {
    let base: any OutboxRepository
    let queued: QueuedFlag

    func enqueue(_ entry: OutboxEntry) async throws {
        try await base.enqueue(entry)
        queued.set()
    }

    func claimDue(now: Int64, leaseUntil: Int64, limit: Int) async throws -> [OutboxEntry] {
        try await base.claimDue(now: now, leaseUntil: leaseUntil, limit: limit)
    }

    func find(sid: String) async throws -> OutboxEntry? { try await base.find(sid: sid) }
    func find(sid: String, accountSid: String) async throws -> OutboxEntry? { try await base.find(sid: sid, accountSid: accountSid) }
    func record(_ entry: OutboxEntry) async throws { try await base.record(entry) }
    func remove(sid: String) async throws { try await base.remove(sid: sid) }
    func releaseAllLeases() async throws -> Int { try await base.releaseAllLeases() }
    func list(accountSid: String, status: OutboxStatus?, page: PageRequest) async throws -> Page<OutboxEntry> {
        try await base.list(accountSid: accountSid, status: status, page: page)
    }
    func countByStatus() async throws -> [OutboxStatus: Int] { try await base.countByStatus() }
    func purgeDelivered(before: Int64, limit: Int) async throws -> Int { try await base.purgeDelivered(before: before, limit: limit) }
    func oldestPendingCreation() async throws -> Date? { try await base.oldestPendingCreation() }
}

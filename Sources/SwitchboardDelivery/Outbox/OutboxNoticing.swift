import Foundation
import Synchronization
public import SwitchboardCore
public import SwitchboardStorage

/// A bell that rings once after the unit of work that asked for it commits, however often it asks.
final class CommitBell: Sendable {
    private let asked = Atomic(false)
    private let session: any StorageSession
    private let ring: @Sendable () -> Void

    init(_ session: any StorageSession, ring: @escaping @Sendable () -> Void) {
        self.session = session
        self.ring = ring
    }

    /// Registers the ring with the unit of work, the first time only.
    func ask() {
        guard !asked.exchange(true, ordering: .relaxed) else { return }
        let ring = self.ring
        session.afterCommit { ring() }
    }
}

/// Rings the outbox doorbell after a unit of work that queued something commits, and the feed bell after one that
/// used a repository whose writes event streams show (the event log, conversations and channel messages for agents,
/// the sandbox for handsets). Use, not only writing, rings it: a stream woken for nothing checks once more, which is
/// cheaper than wrapping every one of their methods.
struct OutboxNoticing: SessionDecoration {
    let queued: CommitBell
    let feedTouched: CommitBell

    func decorate<Repository>(_ repository: Repository) -> Repository {
        if Repository.self == (any OutboxRepository).self, let outbox = repository as? any OutboxRepository {
            return NoticingOutbox(base: outbox, queued: queued) as! Repository
        }
        if Repository.self == (any EventRepository).self || Repository.self == (any MessageRepository).self
            || Repository.self == (any SandboxRepository).self || Repository.self == (any ConversationRepository).self {
            feedTouched.ask()
        }
        return repository
    }
}

/// An outbox that asks for the doorbell on enqueue.
struct NoticingOutbox: OutboxRepository {
    let base: any OutboxRepository
    let queued: CommitBell

    func enqueue(_ entry: OutboxEntry) async throws {
        try await base.enqueue(entry)
        queued.ask()
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

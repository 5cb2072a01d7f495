public import Foundation
public import SwitchboardCore

/// The durable outbox: what is waiting to leave Switchboard, what left (for a retention period), and what failed for good.
public protocol OutboxRepository: Sendable {
    /// Adds an entry; call it in the transaction of the change that caused it.
    func enqueue(_ entry: OutboxEntry) async throws
    /// Takes up to `limit` due entries that nobody holds, and holds them until `leaseUntil` (milliseconds), so
    /// that another dispatcher, in this process or another, skips them. A holder that dies lets its lease lapse.
    func claimDue(now: Int64, leaseUntil: Int64, limit: Int) async throws -> [OutboxEntry]
    /// The entry with this SID.
    func find(sid: String) async throws -> OutboxEntry?
    /// The account's entry with this SID.
    func find(sid: String, accountSid: String) async throws -> OutboxEntry?
    /// Saves an entry's delivery state (status, attempts, times, error, response code) and releases its lease.
    func record(_ entry: OutboxEntry) async throws
    /// Removes a delivered entry.
    func remove(sid: String) async throws
    /// Releases every lease; only for a database one process owns, at its start, after a crash.
    func releaseAllLeases() async throws -> Int
    /// The account's entries in `status` (every status when `nil`), oldest first.
    func list(accountSid: String, status: OutboxStatus?, page: PageRequest) async throws -> Page<OutboxEntry>
    /// How many entries are in each status, for every account.
    func countByStatus() async throws -> [OutboxStatus: Int]
    /// Deletes up to `limit` delivered entries whose last attempt ended before `before` (milliseconds), of every
    /// account; returns how many went.
    func purgeDelivered(before: Int64, limit: Int) async throws -> Int
    /// When the oldest pending entry of any account was written, or `nil` when none is pending.
    func oldestPendingCreation() async throws -> Date?
}

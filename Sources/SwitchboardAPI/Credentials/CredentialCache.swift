import Synchronization
public import SwitchboardCore
public import SwitchboardStorage

/// The accounts and API keys that requests authenticate with, kept per process so that a request costs no database
/// read for its credentials.
///
/// Rows are dropped when a ``ChangeNotice`` names them, and all of them when changes may have gone unheard. A read
/// that was under way when a notice arrived may have found the old row, so what it found is kept only if no notice
/// arrived since it began (the generation has not moved). Before answering from memory it waits until the notices of
/// changes other processes committed earlier have arrived (``ChangeNotices/catchUp()``). Only rows that exist are
/// kept, so presenting unknown SIDs costs reads but no memory; `capacity` bounds each kind.
public final class CredentialCache: ChangeObserver {
    private struct State {
        var accounts: [String: Account] = [:]
        var keys: [String: ApiKey] = [:]
        /// Moves on every notice, so a read that began before it cannot put back what it found.
        var generation: UInt64 = 0
    }

    /// Permission to keep what one read finds, if nothing changed while it ran.
    struct Ticket {
        let generation: UInt64
    }

    let notices: ChangeNotices
    let capacity: Int
    private let state = Mutex(State())

    /// A cache that hears changes on `notices` and keeps up to `capacity` accounts and as many keys.
    public init(notices: ChangeNotices, capacity: Int = 10_000) {
        self.notices = notices
        self.capacity = max(1, capacity)
        notices.observe(self)
    }

    /// The account with `sid`: from the cache, or else read from `storage` (and kept, if it exists).
    public func account(sid: String, storage: any Storage) async throws -> Account? {
        if await notices.catchUp(), let account = cachedAccount(sid: sid) { return account }
        let ticket = self.ticket()
        let account = try await storage.read { try await $0.accounts.find(sid: sid) }
        if let account, let ticket { keep(account: account, ticket: ticket) }
        return account
    }

    /// The API key with `sid` and the account that owns it (`nil` if that is gone): from the cache, or else read
    /// from `storage` in one read.
    public func apiKey(sid: String, storage: any Storage) async throws -> (key: ApiKey, account: Account?)? {
        if await notices.catchUp(), let key = cachedKey(sid: sid), let account = cachedAccount(sid: key.accountSid) { return (key, account) }
        let ticket = self.ticket()
        let found = try await storage.read { session -> (ApiKey, Account?)? in
            guard let key = try await session.apiKeys.find(sid: sid) else { return nil }
            return (key, try await session.accounts.find(sid: key.accountSid))
        }
        guard let (key, account) = found else { return nil }
        if let ticket {
            keep(key: key, ticket: ticket)
            if let account { keep(account: account, ticket: ticket) }
        }
        return (key, account)
    }

    /// The account kept for `sid`; `nil` when none is, or when changes may go unheard.
    func cachedAccount(sid: String) -> Account? {
        guard notices.isComplete else { return nil }
        return state.withLock { $0.accounts[sid] }
    }

    /// The key kept for `sid`; `nil` when none is, or when changes may go unheard.
    func cachedKey(sid: String) -> ApiKey? {
        guard notices.isComplete else { return nil }
        return state.withLock { $0.keys[sid] }
    }

    /// Taken before a read; `nil` while changes may go unheard, when nothing read may be kept.
    func ticket() -> Ticket? {
        let generation = state.withLock { $0.generation }
        return notices.isComplete ? Ticket(generation: generation) : nil
    }

    /// Keeps `account` unless a notice arrived since `ticket` was taken.
    func keep(account: Account, ticket: Ticket) {
        state.withLock { state in
            guard state.generation == ticket.generation else { return }
            Self.insert(account, for: account.sid, into: &state.accounts, capacity: capacity)
        }
    }

    /// Keeps `key` unless a notice arrived since `ticket` was taken.
    func keep(key: ApiKey, ticket: Ticket) {
        state.withLock { state in
            guard state.generation == ticket.generation else { return }
            Self.insert(key, for: key.sid, into: &state.keys, capacity: capacity)
        }
    }

    /// How many accounts and keys are kept.
    var count: (accounts: Int, keys: Int) {
        state.withLock { ($0.accounts.count, $0.keys.count) }
    }

    public func changed(_ notice: ChangeNotice) {
        state.withLock { state in
            state.generation &+= 1
            switch notice.topic {
            case .account: state.accounts[notice.key] = nil
            case .apiKey: state.keys[notice.key] = nil
            }
        }
    }

    public func everythingMayHaveChanged() {
        state.withLock { state in
            state.generation &+= 1
            state.accounts.removeAll()
            state.keys.removeAll()
        }
    }

    /// A full cache makes room by dropping whichever entry comes first: any entry is as likely to be used again.
    private static func insert<Value>(_ value: Value, for key: String, into entries: inout [String: Value], capacity: Int) {
        if entries[key] == nil, entries.count >= capacity { entries.remove(at: entries.startIndex) }
        entries[key] = value
    }
}

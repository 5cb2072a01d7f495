/// Storage whose writes of accounts and API keys announce themselves: inside the transaction to other processes
/// (``ChangeBroadcasting``), and to this process's ``ChangeNotices`` after the commit. Every credential write goes
/// through these repositories, so no caller has to remember to invalidate a cache.
public struct ChangeNoticingStorage: Storage {
    let base: any Storage
    let notices: ChangeNotices

    /// Wraps `base`, publishing its committed changes on `notices`.
    public init(_ base: any Storage, notices: ChangeNotices) {
        self.base = base
        self.notices = notices
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await base.read(body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let notices = self.notices
        return try await base.write { session in
            try await body(DecoratedSession(session, decoration: ChangeNoticing(announcer: ChangeAnnouncer(session: session, notices: notices))))
        }
    }

    public func shutdown() async throws {
        try await base.shutdown()
    }
}

/// Announces the changes of one unit of work.
struct ChangeAnnouncer: Sendable {
    let session: any StorageSession
    let notices: ChangeNotices

    /// Sends `notice` to other processes with the commit, and to this one's caches after it.
    func announce(_ notice: ChangeNotice) async throws {
        if let broadcasting = session as? any ChangeBroadcasting { try await broadcasting.broadcast(notice) }
        let notices = self.notices
        session.afterCommit { notices.publish(notice) }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardAPI

/// The credential cache answers from memory, drops what a change names, never keeps what a read found while a change
/// went by, and keeps nothing while changes may go unheard.
@Suite struct CredentialCacheTests {
    /// A migrated in-memory database with one account, behind a read counter and the change-announcing storage.
    struct Fixture {
        let raw: SQLStorage
        let counted: ReadCountingStorage
        let storage: ChangeNoticingStorage
        let notices: ChangeNotices
        let account: Account

        static func make(notices: ChangeNotices = ChangeNotices()) async throws -> Fixture {
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let raw = try SQLStorage(location: .sqliteMemory, logger: logger)
            try await raw.migrate()
            let counted = ReadCountingStorage(raw)
            let account = Account(sid: RandomSidGenerator().make(.account), ownerAccountSid: "", friendlyName: "main", status: .active,
                                  type: .full, authToken: "token", dateCreated: TestServer.start, dateUpdated: TestServer.start)
            try await raw.write { try await $0.accounts.insert(account) }
            return Fixture(raw: raw, counted: counted, storage: ChangeNoticingStorage(counted, notices: notices), notices: notices,
                           account: account)
        }

        func suspend() async throws {
            var suspended = account
            suspended.status = .suspended
            let changed = suspended
            try await storage.write { try await $0.accounts.update(changed) }
        }
    }

    @Test func aKeptAccountIsReadOnceAndReadAgainAfterItsNotice() async throws {
        let fixture = try await Fixture.make()
        let cache = CredentialCache(notices: fixture.notices)
        #expect(try await cache.account(sid: fixture.account.sid, storage: fixture.storage)?.status == .active)
        #expect(try await cache.account(sid: fixture.account.sid, storage: fixture.storage)?.status == .active)
        #expect(fixture.counted.reads == 1)

        try await fixture.suspend()
        #expect(try await cache.account(sid: fixture.account.sid, storage: fixture.storage)?.status == .suspended)
        #expect(fixture.counted.reads == 2)
        try await fixture.raw.shutdown()
    }

    @Test func aReadUnderWayWhenANoticeArrivesIsNotKept() async throws {
        let fixture = try await Fixture.make()
        let held = HeldReadStorage(fixture.storage)
        let cache = CredentialCache(notices: fixture.notices)
        held.holdNextRead()
        let stale = Task { try await cache.account(sid: fixture.account.sid, storage: held) }
        await held.readFinished.wait()
        // The read found the active row; the suspension commits and is announced before the read hands it back.
        try await fixture.suspend()
        held.release.open()
        #expect(try await stale.value?.status == .active)
        #expect(cache.count.accounts == 0)
        #expect(try await cache.account(sid: fixture.account.sid, storage: held)?.status == .suspended)
        try await fixture.raw.shutdown()
    }

    @Test func aReadUnderWayWhenTheListenerIsLostIsNotKept() async throws {
        let fixture = try await Fixture.make()
        let held = HeldReadStorage(fixture.storage)
        let cache = CredentialCache(notices: fixture.notices)
        held.holdNextRead()
        let stale = Task { try await cache.account(sid: fixture.account.sid, storage: held) }
        await held.readFinished.wait()
        fixture.notices.loseCompleteness()
        fixture.notices.resumeCompleteness()
        held.release.open()
        _ = try await stale.value
        #expect(cache.count.accounts == 0)
        try await fixture.raw.shutdown()
    }

    @Test func whileChangesMayGoUnheardNothingIsAnsweredFromMemoryOrKept() async throws {
        let fixture = try await Fixture.make()
        let cache = CredentialCache(notices: fixture.notices)
        _ = try await cache.account(sid: fixture.account.sid, storage: fixture.storage)
        #expect(cache.count.accounts == 1)

        fixture.notices.loseCompleteness()
        #expect(cache.count.accounts == 0)
        for _ in 0..<3 { _ = try await cache.account(sid: fixture.account.sid, storage: fixture.storage) }
        #expect(fixture.counted.reads == 4)
        #expect(cache.count.accounts == 0)

        fixture.notices.resumeCompleteness()
        for _ in 0..<3 { _ = try await cache.account(sid: fixture.account.sid, storage: fixture.storage) }
        #expect(fixture.counted.reads == 5)
        try await fixture.raw.shutdown()
    }

    @Test func unknownSidsCostReadsButNoMemory() async throws {
        let fixture = try await Fixture.make()
        let cache = CredentialCache(notices: fixture.notices)
        let sids = RandomSidGenerator()
        for _ in 0..<50 {
            #expect(try await cache.account(sid: sids.make(.account), storage: fixture.storage) == nil)
            #expect(try await cache.apiKey(sid: sids.make(.apiKey), storage: fixture.storage) == nil)
        }
        #expect(cache.count.accounts == 0)
        #expect(cache.count.keys == 0)
        try await fixture.raw.shutdown()
    }

    @Test func theCacheKeepsNoMoreThanItsCapacity() async throws {
        let fixture = try await Fixture.make()
        let cache = CredentialCache(notices: fixture.notices, capacity: 2)
        let accounts = (0..<5).map { index in
            Account(sid: RandomSidGenerator().make(.account), ownerAccountSid: "", friendlyName: "a\(index)", status: .active,
                    type: .full, authToken: "t", dateCreated: TestServer.start, dateUpdated: TestServer.start)
        }
        try await fixture.raw.write { session in for account in accounts { try await session.accounts.insert(account) } }
        for account in accounts { _ = try await cache.account(sid: account.sid, storage: fixture.storage) }
        #expect(cache.count.accounts == 2)
        try await fixture.raw.shutdown()
    }

    @Test func aKeyAndItsAccountAreReadTogetherAndADeletedKeyIsGone() async throws {
        let fixture = try await Fixture.make()
        let cache = CredentialCache(notices: fixture.notices)
        let key = ApiKey(sid: RandomSidGenerator().make(.apiKey), accountSid: fixture.account.sid, friendlyName: "k",
                         secretDigest: Secrets.digest("secret"), dateCreated: TestServer.start, dateUpdated: TestServer.start)
        try await fixture.storage.write { try await $0.apiKeys.insert(key) }
        #expect(try await cache.apiKey(sid: key.sid, storage: fixture.storage)?.account?.sid == fixture.account.sid)
        #expect(try await cache.apiKey(sid: key.sid, storage: fixture.storage)?.key == key)
        #expect(fixture.counted.reads == 1)

        let accountSid = fixture.account.sid
        #expect(try await fixture.storage.write { try await $0.apiKeys.delete(sid: key.sid, accountSid: accountSid) })
        #expect(try await cache.apiKey(sid: key.sid, storage: fixture.storage) == nil)
        try await fixture.raw.shutdown()
    }
}

/// Storage whose next read, once it has found its rows, waits for the test before it hands them back.
final class HeldReadStorage: Storage {
    let inner: any Storage
    /// Opened once the held read has found its rows.
    let readFinished = Gate()
    /// Lets the held read return.
    let release = Gate()
    private let holding = Mutex(false)

    init(_ inner: any Storage) {
        self.inner = inner
    }

    func holdNextRead() {
        holding.withLock { $0 = true }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        let hold = holding.withLock { holding in
            defer { holding = false }
            return holding
        }
        let result = try await inner.read(body)
        if hold {
            readFinished.open()
            await release.wait()
        }
        return result
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await inner.write(body)
    }

    func shutdown() async throws {
        try await inner.shutdown()
    }
}

import Foundation
import Logging
import Testing
import SwitchboardCore
@testable import SwitchboardStorage

/// Credential writes announce themselves after their commit, never for a rollback, and reach other processes
/// through PostgreSQL's NOTIFY.
@Suite struct ChangeNoticingStorageTests {
    struct Rollback: Error {}

    @Test func aPayloadNamesTopicAndKeyAndUnknownTopicsAreIgnored() {
        let notice = ChangeNotice(topic: .apiKey, key: "SK0123")
        #expect(notice.payload == "api_key:SK0123")
        #expect(ChangeNotice(payload: notice.payload) == notice)
        #expect(ChangeNotice(payload: "account:AC1") == ChangeNotice(topic: .account, key: "AC1"))
        #expect(ChangeNotice(payload: "workspace:WS1") == nil)
        #expect(ChangeNotice(payload: "no colon") == nil)
    }

    @Test(arguments: TestBackend.available)
    func accountAndKeyWritesAreHeardOnlyOnceCommitted(_ backend: TestBackend) async throws {
        try await backend.withStorage { (raw: SQLStorage) async throws -> Void in
            let notices = ChangeNotices()
            let recorder = ChangeNoticeRecorder()
            notices.observe(recorder)
            let storage = ChangeNoticingStorage(raw, notices: notices)
            let account = Fixtures.account()
            let key = ApiKey(sid: RandomSidGenerator().make(.apiKey), accountSid: account.sid, friendlyName: "ci",
                             secretDigest: Secrets.digest("s3cret"), dateCreated: Fixtures.now, dateUpdated: Fixtures.now)
            let inserted = account
            try await storage.write { session in
                try await session.accounts.insert(inserted)
                try await session.apiKeys.insert(key)
            }
            #expect(recorder.notices.isEmpty)

            var suspended = account
            suspended.status = .suspended
            let changed = suspended
            let heardInside = try await storage.write { session in
                try await session.accounts.update(changed)
                return recorder.notices.count
            }
            #expect(heardInside == 0)
            #expect(recorder.notices == [ChangeNotice(topic: .account, key: account.sid)])

            await #expect(throws: Rollback.self) {
                try await storage.write { session in
                    _ = try await session.apiKeys.delete(sid: key.sid, accountSid: account.sid)
                    throw Rollback()
                }
            }
            #expect(recorder.notices.count == 1)

            #expect(try await storage.write { try await $0.apiKeys.delete(sid: key.sid, accountSid: account.sid) })
            #expect(try await !storage.write { try await $0.apiKeys.delete(sid: key.sid, accountSid: account.sid) })
            #expect(recorder.notices == [ChangeNotice(topic: .account, key: account.sid), ChangeNotice(topic: .apiKey, key: key.sid)])
        }
    }

    @Test func anotherProcessHearsEveryCommittedChangeByItsNextCatchUpButNotARolledBackOne() async throws {
        guard let url = TestBackend.postgresURL else { return }
        try await TestBackend.postgres.withStorage { (raw: SQLStorage) async throws -> Void in
            // The listener's bus stands for another process: the writer publishes on a bus of its own.
            let heard = ChangeNotices(completeFromStart: false)
            let recorder = ChangeNoticeRecorder()
            heard.observe(recorder)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let listener = try PostgresChangeListener(url: url, notices: heard, logger: logger)
            let listening = Task { await listener.run() }
            defer { listening.cancel() }
            for _ in 0..<500 where !heard.isComplete { try await Task.sleep(for: .milliseconds(10)) }
            #expect(heard.isComplete)

            let storage = ChangeNoticingStorage(raw, notices: ChangeNotices())
            let rolledBack = Fixtures.account()
            let committed = Fixtures.account()
            try await storage.write { session in
                try await session.accounts.insert(rolledBack)
                try await session.accounts.insert(committed)
            }
            await #expect(throws: Rollback.self) {
                try await storage.write { session in
                    try await session.accounts.update(rolledBack)
                    throw Rollback()
                }
            }
            // Once catchUp returns, every change committed before it was called has been heard: no waiting, no polling.
            // Other tests share the database and the channel, so only this test's accounts are counted.
            let notice = ChangeNotice(topic: .account, key: committed.sid)
            for round in 1...20 {
                try await storage.write { try await $0.accounts.update(committed) }
                #expect(await heard.catchUp())
                #expect(recorder.notices.filter { $0 == notice }.count == round)
            }
            #expect(!recorder.notices.contains(ChangeNotice(topic: .account, key: rolledBack.sid)))
            listening.cancel()
            await listening.value
        }
    }
}

import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

// The storage contract behind an operator's view: the outbox's delivered history and its purge, the oldest pending
// entry, every handset's messages newest first, and tasks counted by status.

/// Part of the outbox suite, which runs one test at a time: claims and purges span every account.
extension OutboxStorageContractTests {
    func record(_ storage: SQLStorage, _ entry: OutboxEntry) async throws {
        try await storage.write { try await $0.outbox.record(entry) }
    }

    /// `entry` as the dispatcher records a delivery that ended at `at`, answered with `code`.
    func delivered(_ entry: OutboxEntry, at: Int64, code: Int? = 204) -> OutboxEntry {
        var entry = entry
        entry.status = .delivered
        entry.attempts += 1
        entry.firstAttemptAt = entry.firstAttemptAt ?? at - 10
        entry.lastAttemptAt = at
        entry.lastResponseCode = code
        entry.dateUpdated = DeliveryFixtures.now.addingTimeInterval(1)
        return entry
    }

    @Test(arguments: TestBackend.available)
    func aDeliveredEntryKeepsItsAttemptsResponseCodeAndTimesAndIsNeverClaimedAgain(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            var entry = try await prepare(storage, [DeliveryFixtures.entry(accountSid: account)])[0]
            #expect(try await claim(storage, at: now) == [entry.sid])
            // A first attempt answered 503, then a delivery answered 200.
            entry.attempts = 1
            entry.firstAttemptAt = now
            entry.lastAttemptAt = now + 40
            entry.lastResponseCode = 503
            entry.lastError = "HTTP 503"
            entry.nextAttemptAt = now + 1_000
            try await record(storage, entry)
            let (sid, retried) = (entry.sid, entry)
            #expect(try await storage.read { try await $0.outbox.find(sid: sid) } == retried)
            #expect(try await claim(storage, at: now + 1_000) == [entry.sid])
            var done = delivered(entry, at: now + 1_050, code: 200)
            done.lastError = nil
            try await record(storage, done)
            let stored = try #require(try await storage.read { try await $0.outbox.find(sid: sid, accountSid: account) })
            #expect(stored == done)
            #expect(stored.attempts == 2 && stored.firstAttemptAt == now && stored.lastAttemptAt == now + 1_050 && stored.lastResponseCode == 200)
            #expect(try await claim(storage, at: now + lease * 100) == [])
            let kept = done
            #expect(try await storage.read { try await $0.outbox.list(accountSid: account, status: .delivered, page: PageRequest()) }.items == [kept])
        }
    }

    @Test(arguments: TestBackend.available)
    func aDeliveredEntryHoldsNoLaterEntryOfItsOrderingKeyBack(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let key = "message +14155550199 \(DeliveryFixtures.sid(.message))"
            var (first, second) = (DeliveryFixtures.entry(accountSid: account), DeliveryFixtures.entry(accountSid: account))
            (first.orderingKey, second.orderingKey) = (key, key)
            _ = try await prepare(storage, [first, second])
            #expect(try await claim(storage, at: now) == [first.sid])
            try await record(storage, delivered(first, at: now + 5))
            #expect(try await claim(storage, at: now + 6) == [second.sid])
        }
    }

    @Test(arguments: TestBackend.available)
    func purgeDeletesOnlyDeliveredEntriesWhoseLastAttemptEndedBeforeTheCutoffAtMostLimitAtATime(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            // What an earlier run left delivered before the cutoff would be counted below.
            while try await storage.write({ try await $0.outbox.purgeDelivered(before: now + 1, limit: 100_000) }) > 0 {}
            let entries = try await prepare(storage, (0..<5).map { _ in DeliveryFixtures.entry(accountSid: account) })
            #expect(try await claim(storage, at: now).count == 5)
            // Three delivered long ago, one just now; one failed long ago, which stays for a person to see.
            for (index, entry) in entries[0..<4].enumerated() { try await record(storage, delivered(entry, at: index < 3 ? now : now + 10_000)) }
            var failed = entries[4]
            failed.status = .failed
            failed.lastAttemptAt = now
            try await record(storage, failed)
            #expect(try await storage.write { try await $0.outbox.purgeDelivered(before: now + 1, limit: 2) } == 2)
            #expect(try await storage.write { try await $0.outbox.purgeDelivered(before: now + 1, limit: 2) } == 1)
            #expect(try await storage.write { try await $0.outbox.purgeDelivered(before: now + 1, limit: 2) } == 0)
            let left = try await storage.read { try await $0.outbox.list(accountSid: account, status: nil, page: PageRequest()) }.items.map(\.sid)
            #expect(left == [entries[3].sid, entries[4].sid])
        }
    }

    @Test(arguments: TestBackend.available)
    func oldestPendingCreationIsWhenTheOldestPendingEntryOfAnyAccountWasWritten(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            _ = try await prepare(storage, [])
            #expect(try await storage.read { try await $0.outbox.oldestPendingCreation() } == nil)
            var (older, newer, failed) = (DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account)),
                                          DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account)),
                                          DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account), status: .failed))
            older.dateCreated = DeliveryFixtures.now.addingTimeInterval(-60)
            failed.dateCreated = DeliveryFixtures.now.addingTimeInterval(-600)
            newer.dateCreated = DeliveryFixtures.now
            _ = try await prepare(storage, [newer, older, failed])
            #expect(try await storage.read { try await $0.outbox.oldestPendingCreation() } == DeliveryFixtures.now.addingTimeInterval(-60))
        }
    }
}

@Suite struct SandboxHistoryStorageContractTests {
    @Test(arguments: TestBackend.available)
    func everyHandsetOfAnAccountListsNewestFirstAndPagesBothWays(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let deliveries = ["+14155550101", "+14155550102", "whatsapp:+14155550103"].map {
                DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: account.sid, to: $0))
            }
            let others = DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: other.sid))
            try await storage.write { session in
                for delivery in deliveries + [others] { try await session.sandbox.recordDelivery(delivery) }
            }
            func list(_ page: PageRequest) async throws -> Page<SandboxDelivery> {
                try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, page: page) }
            }
            #expect(try await list(PageRequest()).items == deliveries.reversed())
            let first = try await list(PageRequest(size: 2))
            #expect(first.items == [deliveries[2], deliveries[1]])
            #expect(first.previous == nil)
            let second = try await list(PageRequest(size: 2, page: 1, cursor: first.next))
            #expect(second.items == [deliveries[0]])
            #expect(second.next == nil)
            #expect(try await list(PageRequest(size: 2, cursor: second.previous)).items == [deliveries[2], deliveries[1]])
        }
    }
}

@Suite struct TaskCountStorageContractTests {
    typealias F = TaskRouterFixtures

    @Test(arguments: TestBackend.available)
    func countByStatusCountsEachWorkspacesTasksInEachStatus(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let channel = F.taskChannel(in: workspaces[0], uniqueName: "sms")
            let otherChannel = F.taskChannel(in: workspaces[1], uniqueName: "sms")
            // No pending tasks: a server sharing this PostgreSQL database must find nothing to route.
            func task(in workspace: Workspace, channel: TaskChannel, _ status: TaskAssignmentStatus) -> TaskRouterTask {
                TaskRouterTask(
                    sid: F.sid(.task), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workflowSid: nil, taskQueueSid: nil,
                    taskChannelSid: channel.sid, taskChannelUniqueName: "sms", attributes: "{}", priority: 0, timeout: 3600,
                    assignmentStatus: status, reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil,
                    dateCreated: F.created, dateUpdated: F.created)
            }
            let tasks = [task(in: workspaces[0], channel: channel, .completed), task(in: workspaces[0], channel: channel, .completed),
                         task(in: workspaces[0], channel: channel, .canceled), task(in: workspaces[1], channel: otherChannel, .wrapping)]
            try await storage.write { session in
                try await session.taskChannels.insert(channel)
                try await session.taskChannels.insert(otherChannel)
                for task in tasks { try await session.tasks.insert(task) }
            }
            let counts = try await storage.read { try await $0.tasks.countByStatus() }
                .filter { $0.workspaceSid == workspaces[0].sid || $0.workspaceSid == workspaces[1].sid }
            #expect(Set(counts.map { "\($0.workspaceSid) \($0.status.rawValue) \($0.count)" }) == [
                "\(workspaces[0].sid) completed 2", "\(workspaces[0].sid) canceled 1", "\(workspaces[1].sid) wrapping 1",
            ])
        }
    }
}

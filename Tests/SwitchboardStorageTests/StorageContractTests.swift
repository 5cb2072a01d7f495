import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract: every backend must behave exactly like this.
@Suite struct StorageContractTests {
    @Test(arguments: TestBackend.available)
    func accountsRoundTripAndListOnlyTheOwnerAndItsSubaccounts(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let main = Fixtures.account()
            let sub = Fixtures.account(owner: main.sid, name: "sub")
            let stranger = Fixtures.account(name: "stranger")
            try await storage.write { session in
                for account in [main, sub, stranger] { try await session.accounts.insert(account) }
            }
            #expect(try await storage.read { try await $0.accounts.find(sid: sub.sid) } == sub)
            let visible = try await storage.read {
                try await $0.accounts.list(visibleTo: main.sid, friendlyName: nil, status: nil, page: PageRequest())
            }
            #expect(visible.items.map(\.sid) == [main.sid, sub.sid])
            let filtered = try await storage.read {
                try await $0.accounts.list(visibleTo: main.sid, friendlyName: "sub", status: .active, page: PageRequest())
            }
            #expect(filtered.items.map(\.sid) == [sub.sid])
            var suspended = sub
            suspended.status = .suspended
            suspended.dateUpdated = Fixtures.now.addingTimeInterval(10)
            let saved = suspended
            try await storage.write { try await $0.accounts.update(saved) }
            #expect(try await storage.read { try await $0.accounts.find(sid: sub.sid) } == saved)
        }
    }

    @Test(arguments: TestBackend.available)
    func flexFlowsRoundTripEveryIntegrationType(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let flows = [
                Fixtures.flow(accountSid: account.sid),
                Fixtures.flow(accountSid: account.sid, integration: .studio(flowSid: "FW1", retryCount: 2)),
                Fixtures.flow(accountSid: account.sid, integration: .external(url: "https://example.com/x", retryCount: 0)),
            ]
            try await storage.write { session in
                try await session.accounts.insert(account)
                for flow in flows { try await session.flexFlows.insert(flow) }
            }
            for flow in flows {
                #expect(try await storage.read { try await $0.flexFlows.find(sid: flow.sid, accountSid: account.sid) } == flow)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func flexFlowsOfOneAccountAreInvisibleToAnother(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let owner = Fixtures.account()
            let other = Fixtures.account()
            let flow = Fixtures.flow(accountSid: owner.sid)
            try await storage.write { session in
                try await session.accounts.insert(owner)
                try await session.accounts.insert(other)
                try await session.flexFlows.insert(flow)
            }
            #expect(try await storage.read { try await $0.flexFlows.find(sid: flow.sid, accountSid: other.sid) } == nil)
            #expect(try await storage.read { try await $0.flexFlows.list(accountSid: other.sid, friendlyName: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.write { try await $0.flexFlows.delete(sid: flow.sid, accountSid: other.sid) } == false)
            #expect(try await storage.write { try await $0.flexFlows.delete(sid: flow.sid, accountSid: owner.sid) } == true)
            #expect(try await storage.read { try await $0.flexFlows.find(sid: flow.sid, accountSid: owner.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func updateReplacesEveryStoredField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let flow = Fixtures.flow(accountSid: account.sid)
            try await storage.write { session in
                try await session.accounts.insert(account)
                try await session.flexFlows.insert(flow)
            }
            var changed = flow
            changed.friendlyName = "renamed"
            changed.contactIdentity = nil
            changed.enabled = true
            changed.integration = .studio(flowSid: "FW9", retryCount: 1)
            changed.dateUpdated = Fixtures.now.addingTimeInterval(30)
            let saved = changed
            try await storage.write { try await $0.flexFlows.update(saved) }
            #expect(try await storage.read { try await $0.flexFlows.find(sid: flow.sid, accountSid: account.sid) } == saved)
        }
    }

    @Test(arguments: TestBackend.available)
    func followingNextCursorsSeesEveryRowOnceWhileRowsAreAdded(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            try await storage.write { try await $0.accounts.insert(account) }
            var expected: [String] = []
            for index in 0..<7 {
                let flow = Fixtures.flow(accountSid: account.sid, name: "paged-\(index)")
                expected.append(flow.sid)
                try await storage.write { try await $0.flexFlows.insert(flow) }
            }
            var seen: [String] = []
            var request = PageRequest(size: 3)
            var pages = 0
            while true {
                let current = request
                let page = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: current) }
                seen += page.items.map(\.sid)
                pages += 1
                if pages == 1 {
                    #expect(page.previous == nil)
                    // Rows added mid-walk land after the cursor and are seen once.
                    for index in 7..<9 {
                        let flow = Fixtures.flow(accountSid: account.sid, name: "paged-\(index)")
                        expected.append(flow.sid)
                        try await storage.write { try await $0.flexFlows.insert(flow) }
                    }
                }
                guard let next = page.next else { break }
                request = PageRequest(size: 3, page: request.page + 1, cursor: next)
            }
            #expect(seen == expected)
            #expect(pages == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func previousCursorReturnsThePageBefore(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let flows = (0..<5).map { Fixtures.flow(accountSid: account.sid, name: "p\($0)") }
            try await storage.write { session in
                try await session.accounts.insert(account)
                for flow in flows { try await session.flexFlows.insert(flow) }
            }
            let first = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: PageRequest(size: 2)) }
            let second = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: PageRequest(size: 2, page: 1, cursor: first.next)) }
            #expect(second.items.map(\.sid) == flows[2..<4].map(\.sid))
            let back = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: PageRequest(size: 2, page: 0, cursor: second.previous)) }
            #expect(back.items.map(\.sid) == flows[0..<2].map(\.sid))
            #expect(back.previous == nil)
            let filtered = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: "p3", page: PageRequest()) }
            #expect(filtered.items.map(\.sid) == [flows[3].sid])
        }
    }

    @Test(arguments: TestBackend.available)
    func aWriteThatThrowsLeavesNothingBehind(_ backend: TestBackend) async throws {
        struct Abort: Error {}
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let flow = Fixtures.flow(accountSid: account.sid)
            await #expect(throws: Abort.self) {
                try await storage.write { session in
                    try await session.accounts.insert(account)
                    try await session.flexFlows.insert(flow)
                    throw Abort()
                }
            }
            #expect(try await storage.read { try await $0.accounts.find(sid: account.sid) } == nil)
            #expect(try await storage.read { try await $0.flexFlows.find(sid: flow.sid, accountSid: account.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func apiKeysBelongToTheirAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let owner = Fixtures.account()
            let other = Fixtures.account()
            let key = ApiKey(sid: RandomSidGenerator().make(.apiKey), accountSid: owner.sid, friendlyName: "ci",
                             secretDigest: Secrets.digest("s3cret"), dateCreated: Fixtures.now, dateUpdated: Fixtures.now)
            try await storage.write { session in
                try await session.accounts.insert(owner)
                try await session.accounts.insert(other)
                try await session.apiKeys.insert(key)
            }
            #expect(try await storage.read { try await $0.apiKeys.find(sid: key.sid) } == key)
            #expect(try await storage.read { try await $0.apiKeys.find(sid: key.sid, accountSid: other.sid) } == nil)
            #expect(try await storage.read { try await $0.apiKeys.list(accountSid: owner.sid, page: PageRequest()) }.items == [key])
            #expect(try await storage.write { try await $0.apiKeys.delete(sid: key.sid, accountSid: other.sid) } == false)
            #expect(try await storage.write { try await $0.apiKeys.delete(sid: key.sid, accountSid: owner.sid) } == true)
            #expect(try await storage.read { try await $0.apiKeys.find(sid: key.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func manyConcurrentWriteTransactionsAllCommit(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            try await storage.write { try await $0.accounts.insert(account) }
            let writers = 64
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        let flow = Fixtures.flow(accountSid: account.sid, name: "concurrent-\(index)")
                        try await storage.write { session in
                            try await session.flexFlows.insert(flow)
                            // A read inside the transaction keeps it open across a second statement.
                            _ = try await session.flexFlows.find(sid: flow.sid, accountSid: account.sid)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let stored = try await storage.read { try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: PageRequest(size: 1000)) }
            #expect(stored.items.count == writers)
        }
    }

    @Test(arguments: TestBackend.available)
    func migratingAgainAppliesNothing(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            #expect(try await storage.migrate() == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aFlowCannotReferenceAnAccountThatDoesNotExist(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let orphan = Fixtures.flow(accountSid: RandomSidGenerator().make(.account))
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.flexFlows.insert(orphan) } }
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "only CI must have PostgreSQL"))
    func continuousIntegrationRunsTheContractOnPostgreSQL() {
        #expect(TestBackend.available.contains(.postgres), "CI must set SWITCHBOARD_TEST_POSTGRES_URL so the contract runs on PostgreSQL")
    }
}

import Foundation
import Synchronization
import Testing
import SwitchboardCore
@testable import SwitchboardStorage

/// What every backend promises about a unit of work: it commits whole or not at all, alone, whatever other units
/// share its commit, and its follow-ups run after the commit and never after a rollback.
@Suite struct UnitOfWorkContractTests {
    struct Refused: Error {}

    @Test(arguments: TestBackend.available)
    func aFailingUnitRollsBackAloneWhileConcurrentUnitsCommit(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            try await storage.write { try await $0.accounts.insert(account) }
            let units = 60
            let answered = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<units {
                    group.addTask {
                        let flow = Fixtures.flow(accountSid: account.sid, name: "unit-\(index)")
                        do {
                            try await storage.write { session in
                                try await session.flexFlows.insert(flow)
                                // Every third unit fails after writing: its row must vanish, the others' stay.
                                if index % 3 == 0 { throw Refused() }
                            }
                            return (index, true)
                        } catch is Refused {
                            return (index, false)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            let stored = try await storage.read {
                try await $0.flexFlows.list(accountSid: account.sid, friendlyName: nil, page: PageRequest(size: 1000))
            }
            let names = Set(stored.items.map(\.friendlyName))
            #expect(names == Set(answered.filter(\.value).map { "unit-\($0.key)" }))
            #expect(answered.values.filter { $0 }.count == units - units / 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func aUnitSeesWhatItWroteAndAFailedUnitLeavesNothingForTheNext(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let flow = Fixtures.flow(accountSid: account.sid, name: "seen")
            await #expect(throws: Refused.self) {
                try await storage.write { session in
                    try await session.accounts.insert(account)
                    try await session.flexFlows.insert(flow)
                    #expect(try await session.flexFlows.find(sid: flow.sid, accountSid: account.sid) != nil)
                    throw Refused()
                }
            }
            let account2 = try await storage.write { session in
                try await session.accounts.find(sid: account.sid)
            }
            #expect(account2 == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func followUpsRunAfterTheCommitAndNeverAfterARollback(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let seenByFollowUp = Mutex<Account??>(nil)
            let ran = Mutex(0)
            try await storage.write { session in
                try await session.accounts.insert(account)
                session.afterCommit {
                    // Another unit of work sees the row: the commit came first.
                    let found = try? await storage.read { try await $0.accounts.find(sid: account.sid) }
                    seenByFollowUp.withLock { $0 = .some(found) }
                }
            }
            #expect(seenByFollowUp.withLock { $0 } == .some(.some(account)))
            await #expect(throws: Refused.self) {
                try await storage.write { session in
                    session.afterCommit { ran.withLock { $0 += 1 } }
                    throw Refused()
                }
            }
            #expect(ran.withLock { $0 } == 0)
        }
    }
}

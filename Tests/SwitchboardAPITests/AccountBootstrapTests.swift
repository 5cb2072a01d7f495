import Foundation
import Logging
import Testing
@testable import SwitchboardAPI
import SwitchboardCore
import SwitchboardStorage

@Suite struct AccountBootstrapTests {
    func dependencies() async throws -> ServerDependencies {
        let storage = try SQLStorage(location: .sqliteMemory, logger: Logger(label: "test"))
        try await storage.migrate()
        return ServerDependencies(storage: storage, time: ManualTimeSource(TestServer.start), sids: SequentialSidGenerator())
    }

    @Test func anEmptyDatabaseGetsAFirstAccountOnceOnly() async throws {
        let dependencies = try await dependencies()
        guard case .created(let account) = try await AccountBootstrap.run(accountSid: nil, authToken: nil, dependencies: dependencies) else {
            Issue.record("expected a new account"); return
        }
        #expect(Sid.isValid(account.sid, prefix: .account))
        #expect(account.authToken.count == 32)
        #expect(try await AccountBootstrap.run(accountSid: nil, authToken: nil, dependencies: dependencies) == .existing)
        try await dependencies.storage.shutdown()
    }

    @Test func theConfiguredAccountExistsWithTheConfiguredToken() async throws {
        let dependencies = try await dependencies()
        let sid = "AC" + String(repeating: "b", count: 32)
        #expect(try await AccountBootstrap.run(accountSid: sid, authToken: "one", dependencies: dependencies) == .configured(sid: sid))
        #expect(try await AccountBootstrap.run(accountSid: sid, authToken: "two", dependencies: dependencies) == .configured(sid: sid))
        let stored = try await dependencies.storage.read { try await $0.accounts.find(sid: sid) }
        #expect(stored?.authToken == "two")
        try await dependencies.storage.shutdown()
    }

    @Test func halfAConfigurationIsRefused() async throws {
        let dependencies = try await dependencies()
        await #expect(throws: AccountBootstrap.InvalidConfiguration.self) {
            try await AccountBootstrap.run(accountSid: "AC" + String(repeating: "b", count: 32), authToken: nil, dependencies: dependencies)
        }
        await #expect(throws: AccountBootstrap.InvalidConfiguration.self) {
            try await AccountBootstrap.run(accountSid: "ACnope", authToken: "t", dependencies: dependencies)
        }
        try await dependencies.storage.shutdown()
    }
}

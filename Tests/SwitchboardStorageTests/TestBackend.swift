import Foundation
import Logging
import SwitchboardCore
import SwitchboardStorage

/// The databases the storage contract runs against: SQLite always, PostgreSQL when
/// `SWITCHBOARD_TEST_POSTGRES_URL` names one (the test command starts one and sets it).
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqliteMemory
    case sqliteFile
    case postgres

    static var postgresURL: String? { ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The backends this run can reach.
    static var available: [TestBackend] { allCases.filter { $0 != .postgres || postgresURL != nil } }

    var testDescription: String { rawValue }

    /// A migrated storage for one test; closed afterwards.
    func withStorage<T>(_ body: (SQLStorage) async throws -> T) async throws -> T {
        let location: DatabaseLocation
        var cleanup: URL?
        switch self {
        case .sqliteMemory: location = .sqliteMemory
        case .sqliteFile:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            cleanup = directory
            location = .sqliteFile(path: directory.appendingPathComponent("test.sqlite").path)
        case .postgres: location = .postgres(url: Self.postgresURL!)
        }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let storage = try SQLStorage(location: location, logger: logger)
        defer { if let cleanup { try? FileManager.default.removeItem(at: cleanup) } }
        do {
            try await storage.migrate()
            let result = try await body(storage)
            try await storage.shutdown()
            return result
        } catch {
            try? await storage.shutdown()
            throw error
        }
    }
}

import Testing

/// Rows for the contract tests; random SIDs keep tests apart on a shared PostgreSQL database.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func account(owner: String? = nil, name: String = "main") -> Account {
        let sid = RandomSidGenerator().make(.account)
        return Account(sid: sid, ownerAccountSid: owner ?? sid, friendlyName: name, status: .active, type: .full,
                       authToken: Secrets.makeAuthToken(), dateCreated: now, dateUpdated: now)
    }

    static func flow(accountSid: String, name: String = "Outbound SMS", integration: FlexFlowIntegration? = nil) -> FlexFlow {
        FlexFlow(
            sid: RandomSidGenerator().make(.flexFlow), accountSid: accountSid, friendlyName: name,
            chatServiceSid: "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone", channelType: .sms, contactIdentity: "+15550001111",
            enabled: false,
            integration: integration ?? .task(TaskIntegration(workspaceSid: "WS1", workflowSid: "WW1", channel: "sms", timeout: 600, priority: 2, creationOnMessage: true)),
            longLived: true, janitorEnabled: false, dateCreated: now, dateUpdated: now)
    }
}

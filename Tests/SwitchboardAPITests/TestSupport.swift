import Foundation
import Hummingbird
import HTTPTypes
import NIOFoundationCompat
import HummingbirdTesting
import Logging
import Synchronization
import SwitchboardAPI
import SwitchboardCore
import SwitchboardStorage

/// SIDs `<prefix>000…001`, `<prefix>000…002`, … so tests can name them in advance.
final class SequentialSidGenerator: SidGenerator {
    private let counter = Mutex(0)
    func make(_ prefix: SidPrefix) -> String {
        let next = counter.withLock { value in value += 1; return value }
        let digits = String(next, radix: 16)
        return prefix.rawValue + String(repeating: "0", count: Sid.hexLength - digits.count) + digits
    }
}

/// A clock that reads whatever the test set.
final class ManualTimeSource: TimeSource {
    private let current: Mutex<Date>
    init(_ date: Date) { current = Mutex(date) }
    func now() -> Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A server on in-memory SQLite with one bootstrap account, for router-level tests.
struct TestServer {
    static let accountSid = "AC" + String(repeating: "a", count: 32)
    static let authToken = "test-token"
    static let start = Date(timeIntervalSince1970: 1_470_089_440)  // 2016-08-01T22:10:40Z

    let dependencies: ServerDependencies
    let time: ManualTimeSource
    let storage: SQLStorage

    static func make() async throws -> TestServer {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let storage = try SQLStorage(location: .sqliteMemory, logger: logger)
        try await storage.migrate()
        let time = ManualTimeSource(start)
        let dependencies = ServerDependencies(storage: storage, time: time, sids: SequentialSidGenerator())
        _ = try await AccountBootstrap.run(accountSid: accountSid, authToken: authToken, dependencies: dependencies)
        return TestServer(dependencies: dependencies, time: time, storage: storage)
    }

    /// Runs `body` against the router, then closes the database.
    func test(configuration: ServerConfiguration = ServerConfiguration(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = buildApplication(configuration: configuration, dependencies: dependencies, logger: logger)
        do {
            try await app.test(.router, body)
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }
}

extension HTTPFields {
    /// Basic credentials and a form content type.
    static func auth(_ sid: String = TestServer.accountSid, _ token: String = TestServer.authToken, host: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [
            .authorization: "Basic " + Data("\(sid):\(token)".utf8).base64EncodedString(),
            .contentType: "application/x-www-form-urlencoded",
        ]
        if let host { fields[HTTPField.Name("Host")!] = host }
        return fields
    }
}

/// The JSON body of a response as a dictionary.
func json(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
}

let seedFlowForm = "FriendlyName=Outbound+SMS&ChannelType=sms&ContactIdentity=%2B12XXXXXXXXX"
    + "&ChatServiceSid=ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone&IntegrationType=task"
    + "&Integration.WorkflowSid=WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX&Integration.WorkspaceSid=WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    + "&Integration.Channel=TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX&Enabled=false"

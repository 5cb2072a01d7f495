import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import SwitchboardStorage
@testable import SwitchboardAPI

/// The log lines a test's server wrote.
final class CapturedLog: Sendable {
    struct Line: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    /// A logger at info that writes here.
    var logger: Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(log: self) }
        logger.logLevel = .info
        return logger
    }

    func append(_ line: Line) { lines.withLock { $0.append(line) } }

    /// The access-log lines of the request with `requestId`.
    func requests(_ requestId: String?) -> [Line] {
        lines.withLock { $0 }.filter { $0.message == "request" && $0.metadata["request_id"] == requestId }
    }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        log.append(.init(level: event.level, message: event.message.description, metadata: merged.mapValues(\.description)))
    }
}

@Suite struct AccessLogTests {
    /// Runs `body` against a test server whose logs land in `log`.
    func withServer(_ log: CapturedLog, _ body: @escaping @Sendable (any TestClientProtocol, TestServer) async throws -> Void) async throws {
        let server = try await TestServer.make()
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: server.dependencies, logger: log.logger)
        try await app.test(.router) { client in try await body(client, server) }
        try? await server.storage.shutdown()
    }

    @Test func anAnsweredRequestIsLoggedOnceAtInfoWithItsAccountStatusDurationAndTheRequestIdItWasSent() async throws {
        let log = CapturedLog()
        try await withServer(log) { client, _ in
            try await client.execute(uri: "/taskrouter/v1/Workspaces", method: .get, headers: .auth()) { response in
                #expect(response.status == .ok)
                let requestId = try #require(response.headers[HTTPField.Name("Twilio-Request-Id")!])
                #expect(requestId.hasPrefix("RQ") && requestId.count == 34)
                let lines = log.requests(requestId)
                #expect(lines.count == 1)
                let line = try #require(lines.first)
                #expect(line.level == .info)
                #expect(line.metadata["method"] == "GET")
                #expect(line.metadata["path"] == "/taskrouter/v1/Workspaces")
                #expect(line.metadata["status"] == "200")
                #expect(line.metadata["account_sid"] == TestServer.accountSid)
                #expect(Double(line.metadata["duration_ms"] ?? "") != nil)
                #expect(line.metadata["code"] == nil)
            }
        }
    }

    @Test func aRefusedOrUnroutedRequestIsLoggedAtInfoWithItsTwilioCode() async throws {
        let log = CapturedLog()
        try await withServer(log) { client, _ in
            for (uri, headers, status, code) in [
                ("/nowhere", HTTPFields.auth(), "404", "20404"),
                ("/taskrouter/v1/Workspaces/WS00000000000000000000000000000009", HTTPFields.auth(), "404", "20404"),
                ("/taskrouter/v1/Workspaces", HTTPFields.auth(TestServer.accountSid, "wrong"), "401", "20003"),
            ] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    let line = try #require(log.requests(response.headers[HTTPField.Name("Twilio-Request-Id")!]).first)
                    #expect(line.level == .info)
                    #expect(line.metadata["status"] == status)
                    #expect(line.metadata["code"] == code)
                }
            }
        }
    }

    @Test func aRequestAnsweredWithA500IsLoggedAtError() async throws {
        let log = CapturedLog()
        try await withServer(log) { client, server in
            // With the database gone, authenticating the request fails unexpectedly.
            try await server.storage.shutdown()
            try await client.execute(uri: "/taskrouter/v1/Workspaces", method: .get, headers: .auth()) { response in
                #expect(response.status == .internalServerError)
                let line = try #require(log.requests(response.headers[HTTPField.Name("Twilio-Request-Id")!]).first)
                #expect(line.level == .error)
                #expect(line.metadata["status"] == "500")
                #expect(line.metadata["code"] == "20500")
            }
        }
    }
}

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

/// How many database reads an authenticated GET costs, with the credential cache and without it, and that changes
/// made through the API take effect at the next request.
@Suite struct CredentialReadsPerRequestTests {
    /// Counts the reads of three `GET /v1/FlexFlows`, each on its own. Only reads made for the request count: the
    /// router runs it in the test's task, where the counter is bound, and background work is left out.
    func readsPerGet(changes: ChangeNotices) async throws -> [Int] {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let raw = try SQLStorage(location: .sqliteMemory, logger: logger)
        try await raw.migrate()
        let counted = RequestReadCountingStorage(raw)
        let dependencies = ServerDependencies(storage: counted, time: ManualTimeSource(TestServer.start), sids: SequentialSidGenerator(),
                                              changes: changes)
        _ = try await AccountBootstrap.run(accountSid: TestServer.accountSid, authToken: TestServer.authToken, dependencies: dependencies)
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: dependencies, logger: logger)
        let reads = Mutex<[Int]>([])
        try await app.test(.router) { client in
            for _ in 0..<3 {
                let counter = ReadCounter()
                try await RequestReadCountingStorage.$counter.withValue(counter) {
                    try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth()) { response in
                        #expect(response.status == .ok)
                    }
                }
                reads.withLock { $0.append(counter.value) }
            }
        }
        try await raw.shutdown()
        return reads.withLock { $0 }
    }

    @Test func aWarmCacheSavesTheCredentialReadOfEveryRequest() async throws {
        // Changes that may go unheard turn the cache off: every request reads its credentials, as before the cache.
        let uncached = try await readsPerGet(changes: ChangeNotices(completeFromStart: false))
        let cached = try await readsPerGet(changes: ChangeNotices())
        #expect(Set(uncached).count == 1)
        #expect(cached[0] == uncached[0])
        #expect(cached[1] == uncached[0] - 1)
        #expect(cached[2] == uncached[0] - 1)
    }

    @Test func suspendingAnAccountOrDeletingAKeyTakesEffectAtTheNextRequest() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let subaccount = try await client.execute(uri: "/api/2010-04-01/Accounts.json", method: .post, headers: .auth(),
                                                      body: ByteBuffer(string: "FriendlyName=sub")) { response in
                let body = try json(response)
                return (body["sid"] as? String ?? "", body["auth_token"] as? String ?? "")
            }
            let key = try await client.execute(uri: "/api/2010-04-01/Accounts/\(TestServer.accountSid)/Keys.json", method: .post,
                                               headers: .auth(), body: ByteBuffer(string: "FriendlyName=k")) { response in
                let body = try json(response)
                return (body["sid"] as? String ?? "", body["secret"] as? String ?? "")
            }
            for _ in 0..<2 {
                try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth(subaccount.0, subaccount.1)) {
                    #expect($0.status == .ok)
                }
                try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth(key.0, key.1)) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(uri: "/api/2010-04-01/Accounts/\(subaccount.0).json", method: .post, headers: .auth(),
                                     body: ByteBuffer(string: "Status=suspended")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth(subaccount.0, subaccount.1)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/2010-04-01/Accounts/\(TestServer.accountSid)/Keys/\(key.0).json", method: .delete,
                                     headers: .auth()) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth(key.0, key.1)) {
                #expect($0.status == .unauthorized)
            }
        }
    }
}

/// Reads counted for one request.
final class ReadCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}

/// Storage that counts the reads made in tasks bound to a ``ReadCounter``.
final class RequestReadCountingStorage: Storage {
    @TaskLocal static var counter: ReadCounter?
    let inner: any Storage

    init(_ inner: any Storage) {
        self.inner = inner
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        Self.counter?.add()
        return try await inner.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await inner.write(body)
    }

    func shutdown() async throws {
        try await inner.shutdown()
    }
}

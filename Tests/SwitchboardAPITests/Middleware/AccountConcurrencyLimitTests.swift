import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct AccountConcurrencyLimitTests {
    @Test func slotsAreCountedPerAccountAndGivenBack() {
        let inFlight = InFlightRequests(limit: 2)
        #expect(inFlight.acquire("AC1"))
        #expect(inFlight.acquire("AC1"))
        #expect(!inFlight.acquire("AC1"))
        #expect(inFlight.acquire("AC2"))
        inFlight.release("AC1")
        #expect(inFlight.acquire("AC1"))
    }

    @Test func anAccountOverItsLimitGets20429() async throws {
        let server = try await TestServer.make()
        try await server.test(configuration: ServerConfiguration(maxConcurrentRequestsPerAccount: 0)) { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth()) { response in
                #expect(response.status == .tooManyRequests)
                let body = try json(response)
#expect(body["code"] as? Int == 20429)
            }
        }
    }

    @Test func anAccountAtItsLimitIsRefusedBeforeItsCredentialsAreReadFromTheDatabase() async throws {
        let server = try await TestServer.make()
        let storage = ReadCountingStorage(server.storage)
        let inFlight = InFlightRequests(limit: 1)
        let gate = Gate()
        let router = Router(context: SwitchboardRequestContext.self)
        router.add(middleware: TwilioErrorMiddleware())
        router.group()
            .add(middleware: AccountConcurrencyPrecheckMiddleware(inFlight: inFlight))
            .add(middleware: AuthenticationMiddleware(storage: storage, secretBox: SecretBox()))
            .add(middleware: AccountConcurrencyLimitMiddleware(inFlight: inFlight))
            .get("/held") { _, _ in
                await gate.wait()
                return "done"
            }
        let app = Application(router: router)
        try await app.test(.router) { client in
            async let held = client.execute(uri: "/held", method: .get, headers: .auth())
            while !inFlight.isFull(TestServer.accountSid) { try await Task.sleep(for: .milliseconds(5)) }
            let readsWhileHeld = storage.reads
            try await client.execute(uri: "/held", method: .get, headers: .auth()) { response in
                #expect(response.status == .tooManyRequests)
                let body = try json(response)
                #expect(body["code"] as? Int == 20429)
            }
            #expect(storage.reads == readsWhileHeld)
            gate.open()
            #expect(try await held.status == .ok)
        }
        try await server.storage.shutdown()
    }
}

/// Storage that counts the read sessions it is asked for, to show which requests reach the database.
final class ReadCountingStorage: Storage {
    let inner: any Storage
    private let count = Mutex(0)

    init(_ inner: any Storage) {
        self.inner = inner
    }

    var reads: Int { count.withLock { $0 } }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        count.withLock { $0 += 1 }
        return try await inner.read(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageSession) async throws -> T) async throws -> T {
        try await inner.write(body)
    }

    func shutdown() async throws {
        try await inner.shutdown()
    }
}

/// A latch a handler waits on until the test opens it.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }
}

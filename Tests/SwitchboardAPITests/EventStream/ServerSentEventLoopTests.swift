import Hummingbird
import HTTPTypes
import Synchronization
import Testing
import SwitchboardDelivery
@testable import SwitchboardAPI

/// A response body that keeps what is written, for the test to read while the loop runs.
final class RecordedBody: Sendable {
    private let state = Mutex((parts: [String](), finished: false))
    var parts: [String] { state.withLock { $0.parts } }
    var finished: Bool { state.withLock { $0.finished } }
    func append(_ part: String) { state.withLock { $0.parts.append(part) } }
    func finish() { state.withLock { $0.finished = true } }
}

struct RecordingWriter: ResponseBodyWriter {
    let body: RecordedBody
    mutating func write(_ buffer: ByteBuffer) async throws { body.append(String(buffer: buffer)) }
    consuming func finish(_ trailingHeaders: HTTPFields?) async throws { body.finish() }
}

@Suite struct ServerSentEventLoopTests {
    /// Runs `loop` from the position `7.1`; `check` gets the number of its call, from 1, and the body so far, and
    /// returns nil to end the stream as a client that goes away would.
    static func run(_ loop: ServerSentEventLoop, check: @escaping (Int, RecordedBody) -> ServerSentEventCheck?) async throws -> RecordedBody {
        let body = RecordedBody()
        var writer: any ResponseBodyWriter = RecordingWriter(body: body)
        var calls = 0
        try await loop.run(firstID: "7.1", writer: &writer) {
            calls += 1
            guard let found = check(calls, body) else {
                withUnsafeCurrentTask { $0?.cancel() }
                return ServerSentEventCheck(frames: "", again: false)
            }
            return found
        }
        return body
    }

    @Test func theStreamOpensWithItsPositionThenWritesWhatEachCheckFindsAndFinishes() async throws {
        let body = try await Self.run(ServerSentEventLoop(bell: AgentFeedBell(), keepalive: .seconds(60), checkInterval: .milliseconds(1))) { call, _ in
            call < 3 ? ServerSentEventCheck(frames: "frame \(call)\n\n", again: false) : nil
        }
        #expect(body.parts == ["id: 7.1\n\n", "frame 1\n\n", "frame 2\n\n"])
        #expect(body.finished)
    }

    @Test func aCheckThatAsksAgainIsFollowedAtOnceWithoutWaitingForTheInterval() async throws {
        let start = ContinuousClock.now
        let body = try await Self.run(ServerSentEventLoop(bell: AgentFeedBell(), keepalive: .seconds(600), checkInterval: .seconds(600))) { call, _ in
            call < 4 ? ServerSentEventCheck(frames: "", again: true) : nil
        }
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(body.parts == ["id: 7.1\n\n"])
    }

    @Test func aRingWakesAStreamWaitingForItsNextCheck() async throws {
        let bell = AgentFeedBell()
        let start = ContinuousClock.now
        _ = try await Self.run(ServerSentEventLoop(bell: bell, keepalive: .seconds(600), checkInterval: .seconds(600))) { call, _ in
            // Rung after the loop noted the bell's count, as a commit during a check is.
            if call == 1 { bell.ring() }
            return call < 2 ? ServerSentEventCheck(frames: "", again: false) : nil
        }
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func aSilentStreamWritesAKeepaliveEachInterval() async throws {
        let body = try await Self.run(ServerSentEventLoop(bell: AgentFeedBell(), keepalive: .milliseconds(40), checkInterval: .milliseconds(5))) { _, body in
            body.parts.count < 3 ? ServerSentEventCheck(frames: "", again: false) : nil
        }
        // On a loaded machine the check that ends the test can come late enough for one more keepalive to be due.
        #expect(Array(body.parts.prefix(3)) == ["id: 7.1\n\n", ServerSentEvents.keepalive, ServerSentEvents.keepalive])
        #expect(body.parts.dropFirst().allSatisfy { $0 == ServerSentEvents.keepalive })
    }

    @Test func aWriteThatFailsEndsTheStreamWithItsError() async throws {
        struct Gone: Error {}
        struct FailingWriter: ResponseBodyWriter {
            mutating func write(_ buffer: ByteBuffer) async throws { throw Gone() }
            consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
        }
        var writer: any ResponseBodyWriter = FailingWriter()
        var caught: (any Error)?
        do {
            try await ServerSentEventLoop(bell: AgentFeedBell(), keepalive: .seconds(60)).run(firstID: "7.1", writer: &writer) {
                ServerSentEventCheck(frames: "", again: false)
            }
        } catch {
            caught = error
        }
        #expect(caught is Gone)
    }
}

import NIOHTTP1
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct HTTPWebhookTransportTests {
    @Test(arguments: [
        ("http://hooks.example.com/status?site=1", "203.0.113.7", "http://203.0.113.7/status?site=1", "hooks.example.com"),
        ("http://hooks.example.com:8080/status", "203.0.113.7", "http://203.0.113.7:8080/status", "hooks.example.com:8080"),
        ("HTTP://hooks.example.com:8080/status", "2001:db8::7", "HTTP://[2001:db8::7]:8080/status", "hooks.example.com:8080"),
    ])
    func plainHTTPConnectsToTheCheckedAddressAndKeepsTheNameInTheHostHeader(_ url: String, _ address: String, _ pinned: String, _ host: String) {
        let target = HTTPWebhookTransport.pinning(url, to: address)
        #expect(target.url == pinned)
        #expect(target.host == host)
    }

    @Test(arguments: [("https://hooks.example.com/status", "203.0.113.7" as String?), ("http://hooks.example.com/status", nil)])
    func httpsAndUnpinnedTargetsAreLeftAsTheyAre(_ url: String, _ address: String?) {
        let target = HTTPWebhookTransport.pinning(url, to: address)
        #expect(target.url == url)
        #expect(target.host == nil)
    }

    /// Sends a signed form post to the local server at `path`, through a transport with this guard.
    func send(to server: ScriptedHTTPServer, path: String, allowPrivateTargets: Bool) async throws -> WebhookResult {
        let transport = HTTPWebhookTransport(addressGuard: WebhookAddressGuard(allowPrivateTargets: allowPrivateTargets))
        let call = WebhookCall(url: "http://127.0.0.1:\(server.port)\(path)", body: .form([FormPair("MessageStatus", "sent")]), purpose: "test")
        let result = await transport.send(WebhookSigning.request(for: call, authToken: "token", idempotencyToken: "OE1"))
        try await transport.shutdown()
        return result
    }

    @Test func a500WithRetriesOn5xxIsRetriedAtOnceWithinOneSend() async throws {
        let server = try await ScriptedHTTPServer.start(statuses: [500, 200])
        let result = try await send(to: server, path: "/hook#rc=1&rp=5xx", allowPrivateTargets: true)
        try await server.stop()
        #expect(result == .attempted(.response(status: 200)))
        let received = server.received
        #expect(received.map(\.uri) == ["/hook", "/hook"])
        #expect(received.map { $0.headers["I-Twilio-Idempotency-Token"] } == [["OE1"], ["OE1"]])
        #expect(received.map { String(decoding: $0.body, as: UTF8.self) } == ["MessageStatus=sent", "MessageStatus=sent"])
        #expect(received.first?.headers["Host"] == ["127.0.0.1:\(server.port)"])
    }

    @Test func a500WithoutOverridesIsTheSendsAnswer() async throws {
        let server = try await ScriptedHTTPServer.start(statuses: [500, 200])
        let result = try await send(to: server, path: "/hook", allowPrivateTargets: true)
        try await server.stop()
        #expect(result == .attempted(.response(status: 500)))
        #expect(server.received.count == 1)
    }

    @Test func aLoopbackTargetIsRefusedWithoutAnyConnectionUnlessPrivateTargetsAreAllowed() async throws {
        let server = try await ScriptedHTTPServer.start(statuses: [])
        let result = try await send(to: server, path: "/hook", allowPrivateTargets: false)
        try await server.stop()
        #expect(result == .refused("the host is a loopback address"))
        #expect(server.connections == 0)
        #expect(server.received.isEmpty)
    }
}

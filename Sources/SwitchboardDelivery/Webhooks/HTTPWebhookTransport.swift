import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
public import ServiceLifecycle
public import SwitchboardCore

/// Sends webhooks over HTTP with AsyncHTTPClient, after the address guard allows the target. Redirects are not
/// followed, because a redirect could lead past the guard.
public final class HTTPWebhookTransport: WebhookTransport, Service {
    let client: HTTPClient
    let addressGuard: WebhookAddressGuard

    /// Creates a transport; call ``shutdown()`` when done.
    public init(addressGuard: WebhookAddressGuard) {
        self.addressGuard = addressGuard
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(15))
        configuration.decompression = .disabled
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Keeps the client open until shutdown; listed before the dispatcher, it closes after the dispatcher stops.
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }

    public func send(_ request: WebhookRequest) async -> WebhookResult {
        let target: (url: String, host: String?)
        switch await addressGuard.check(request.url) {
        case .refused(let reason):
            return .refused(reason)
        case .allowed(let pinned):
            target = Self.pinning(request.url, to: pinned)
        }
        let overrides = request.overrides
        let deadline = ContinuousClock.now + overrides.totalTimeout
        var attempts = 0
        while true {
            let remaining = deadline - ContinuousClock.now
            let (result, body) = await attempt(request, url: target.url, host: target.host,
                                               timeout: min(remaining, overrides.readTimeout + overrides.connectTimeout))
            attempts += 1
            // `rc` and `rp` are Twilio's immediate retries inside one delivery; the outbox retries later with backoff.
            guard attempts <= overrides.retryCount, overrides.retries(result), ContinuousClock.now < deadline else {
                return .attempted(result, body: body)
            }
        }
    }

    /// One request; the answer's body is read up to the request's ``WebhookRequest/answerLimit`` bytes.
    func attempt(_ request: WebhookRequest, url: String, host: String?, timeout: Duration) async -> (DeliveryAttemptResult, [UInt8]) {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let host { outgoing.headers.replaceOrAdd(name: "Host", value: host) }
        if request.method != "GET" { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let milliseconds = max(1, timeout.wholeMilliseconds)
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(milliseconds))
            let body = (try? await response.body.collect(upTo: request.answerLimit)).map { Array($0.readableBytesView) } ?? []
            return (.response(status: Int(response.status.code)), body)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return (.responseTimedOut, [])
        } catch {
            return (.connectFailed, [])
        }
    }

    /// For plain HTTP, the URL with its host replaced by the checked address, and the Host header to send; HTTPS
    /// keeps the name, which TLS needs to verify the certificate, and relies on the check alone.
    static func pinning(_ url: String, to address: String?) -> (url: String, host: String?) {
        guard let address, var components = URLComponents(string: url), components.scheme?.lowercased() == "http",
              let host = components.host
        else { return (url, nil) }
        let authority = components.port.map { "\(host):\($0)" } ?? host
        components.host = address.contains(":") ? "[\(address)]" : address
        guard let pinned = components.string else { return (url, nil) }
        return (pinned, authority)
    }
}

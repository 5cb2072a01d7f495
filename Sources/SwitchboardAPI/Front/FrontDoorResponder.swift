import Logging
public import Hummingbird
import HTTPTypes
public import SwitchboardCore

/// The outermost responder. It finds the Twilio domain a request is for, by path prefix (`/flex-api/v1/…`) or
/// by Host header (`flex-api.twilio.com`), gives the router one canonical path, records the base URL that
/// response links must use, turns every error into Twilio's error body, and writes one access-log line per request.
public struct FrontDoorResponder<Next: HTTPResponder>: HTTPResponder where Next.Context == SwitchboardRequestContext {
    let next: Next
    /// The externally visible root, such as `https://switchboard.example.com`; links use it when set.
    let publicURL: String?
    /// The peers whose `X-Forwarded-Proto` and `X-Forwarded-Host` are believed; anyone else could use them to
    /// point response links at another site.
    let trustedProxies: [AddressRange]

    /// Wraps `next`.
    public init(next: Next, publicURL: String?, trustedProxies: [AddressRange] = []) {
        self.next = next
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.trustedProxies = trustedProxies
    }

    public func respond(to request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        var routed = request
        let origin = publicURL ?? Self.origin(of: request, forwarded: isFromTrustedProxy(context))
        if let (domain, rest) = TwilioDomain.fromPath(request.uri.path) {
            context.domainBaseURL = origin + "/" + domain.rawValue
            context.domainPath = rest.isEmpty ? "/" : String(rest)
        } else if let host = Self.host(of: request), let domain = TwilioDomain.fromHost(host) {
            context.domainBaseURL = publicURL.map { $0 + "/" + domain.rawValue } ?? origin
            context.domainPath = request.uri.path
            var head = request.head
            head.path = "/" + domain.rawValue + (request.head.path ?? "/")
            routed = Request(head: head, body: request.body)
        } else {
            context.domainPath = request.uri.path
        }
        var response: Response
        do {
            response = try await next.respond(to: routed, context: context)
        } catch {
            let twilioError = TwilioErrorResponse.translate(error, context: context)
            if twilioError.httpStatus >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            context.record.errorCode = twilioError.code
            response = TwilioErrorResponse.response(for: twilioError)
        }
        AccessLog.finish(&response, request: request, context: context, started: started)
        return response
    }

    /// `scheme://host[:port]` as the client addressed this server; through a trusted proxy, as the client
    /// addressed the proxy.
    static func origin(of request: Request, forwarded: Bool) -> String {
        let forwardedScheme = forwarded ? request.headers[HTTPField.Name("X-Forwarded-Proto")!] : nil
        let forwardedHost = forwarded ? request.headers[HTTPField.Name("X-Forwarded-Host")!] : nil
        let scheme = forwardedScheme ?? request.head.scheme ?? "http"
        let host = forwardedHost ?? Self.host(of: request) ?? "127.0.0.1"
        return scheme + "://" + host
    }

    func isFromTrustedProxy(_ context: SwitchboardRequestContext) -> Bool {
        guard let peer = context.peerAddress else { return false }
        return trustedProxies.contains { $0.contains(peer) }
    }

    /// The host the client addressed. A live HTTP/1 server moves the Host header into the authority; a Host
    /// field still present is the more specific of the two.
    static func host(of request: Request) -> String? {
        request.headers[HTTPField.Name("Host")!] ?? request.head.authority
    }
}

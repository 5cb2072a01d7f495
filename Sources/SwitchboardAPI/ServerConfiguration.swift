public import SwitchboardDelivery
public import SwitchboardCore

/// How the HTTP server is set up.
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks a free one.
    public var port: Int
    /// The externally visible root URL; when set, response links are built from it.
    public var publicURL: String?
    /// Requests one account may have in flight before it gets 20429, as Twilio's concurrency limit.
    public var maxConcurrentRequestsPerAccount: Int
    /// Whether webhooks may go to private, loopback and link-local addresses; off by default, against SSRF.
    public var allowPrivateWebhooks: Bool
    /// How the outbox is delivered.
    public var dispatcher: DispatcherSettings
    /// The reverse proxies whose `X-Forwarded-*` headers decide response links; nobody's, by default.
    public var trustedProxies: [AddressRange] = []
    /// How long a client may take to send a request, and to stay silent between requests.
    public var requestTimeouts = RequestTimeouts()
    /// Connections open at once; past it new ones wait in the listen backlog until one closes.
    public var maxConnections = 500
    /// How often an event stream (an agent's, or a sandbox handset's) sends a keepalive comment when silent, so
    /// proxies and clients see a live connection.
    public var agentEventsKeepalive: Duration = .seconds(15)
    /// The port of the SMTP listener that takes customers' mail for the email senders; none when `nil`.
    public var smtpPort: Int?
    /// The largest mail the SMTP listener takes, in bytes; larger ones get 552.
    public var smtpMaxMessageBytes = 10 * 1024 * 1024
    /// The certificate with which the SMTP listener offers STARTTLS; none offered when `nil`.
    public var smtpTLS: SMTPListenerTLS?

    /// The root URL of Switchboard's own API as providers reach it: under the public URL, or else the address
    /// the server listens on.
    public var switchboardBaseURL: String {
        let root = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://\(host):\(port)"
        return root + "/switchboard"
    }

    /// Creates a configuration; the defaults are `switchboard serve`'s.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, maxConcurrentRequestsPerAccount: Int = 100,
        allowPrivateWebhooks: Bool = false, dispatcher: DispatcherSettings = DispatcherSettings()
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.maxConcurrentRequestsPerAccount = maxConcurrentRequestsPerAccount
        self.allowPrivateWebhooks = allowPrivateWebhooks
        self.dispatcher = dispatcher
    }
}

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

    /// Creates a configuration; the defaults are `switchboard serve`'s.
    public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, maxConcurrentRequestsPerAccount: Int = 100) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.maxConcurrentRequestsPerAccount = maxConcurrentRequestsPerAccount
    }
}

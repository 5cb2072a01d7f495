public import Hummingbird
import NIOCore
public import SwitchboardCore

/// What a request carries through Switchboard besides itself: where it came in and who sent it.
public struct SwitchboardRequestContext: RequestContext {
    /// Hummingbird's own per-request state.
    public var coreContext: CoreRequestContextStorage
    /// The absolute URL of the Twilio domain's root as this client reaches it, e.g. `http://127.0.0.1:8080/flex-api`.
    public var domainBaseURL: String = ""
    /// The request path within its Twilio domain, e.g. `/v1/FlexFlows`, for error messages.
    public var domainPath: String = "/"
    /// The authenticated caller, once authentication has run; the access log hears of it through `record`.
    public var principal: Principal? {
        didSet { record.accountSid = principal?.account.sid }
    }
    /// What the access log learns of this request from the layers inside the front door.
    public let record = RequestRecord()
    /// The IP address of the peer that connected, which is a proxy's when one stands in front.
    public var peerAddress: String?

    /// Creates the context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated caller; a 20003 where authentication has not run, which would be a routing mistake.
    public func requirePrincipal() throws(TwilioError) -> Principal {
        guard let principal else { throw .authenticationFailed() }
        return principal
    }

    /// A 20404 for the path of this request.
    public var notFound: TwilioError { .notFound(path: domainPath) }
}

/// The account a request acts as, the API key it used, if any, and the worker an Access Token confines it to.
public struct Principal: Sendable {
    /// The authenticated account.
    public var account: Account
    /// The `SK…` SID when an API key authenticated the request, or signed its Access Token.
    public var apiKeySid: String?
    /// The worker an Access Token (`Authorization: Bearer`) lets the caller act as; `nil` for Basic credentials.
    public var agent: AgentGrant?

    /// Creates a principal.
    public init(account: Account, apiKeySid: String?, agent: AgentGrant? = nil) {
        self.account = account
        self.apiKeySid = apiKeySid
        self.agent = agent
    }
}

public import Hummingbird
import Synchronization
import SwitchboardCore

/// Refuses a request with 20429 when its account already has `limit` requests in flight, which is how
/// Twilio limits API use: by concurrency per account rather than by rate.
public struct AccountConcurrencyLimitMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext
    let inFlight: InFlightRequests

    /// Limits each account to the requests `inFlight` allows.
    public init(inFlight: InFlightRequests) {
        self.inFlight = inFlight
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let principal = try context.requirePrincipal()
        if let key = principal.apiKeySid { inFlight.remember(apiKey: key, belongsTo: principal.account.sid) }
        guard inFlight.acquire(principal.account.sid) else { throw TwilioError.tooManyRequests }
        defer { inFlight.release(principal.account.sid) }
        return try await next(request, context)
    }
}

/// Refuses, before authentication reads the database, a request whose credentials name an account that is
/// already at its limit: an account over its limit must not cost the server a credential check per request.
/// The authoritative count is still taken after authentication, by ``AccountConcurrencyLimitMiddleware``.
public struct AccountConcurrencyPrecheckMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext
    let inFlight: InFlightRequests

    /// Checks against the counts of `inFlight`.
    public init(inFlight: InFlightRequests) {
        self.inFlight = inFlight
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let (username, _) = AuthenticationMiddleware.basicCredentials(request),
           let account = inFlight.account(forUsername: username),
           inFlight.isFull(account) {
            throw TwilioError.tooManyRequests
        }
        return try await next(request, context)
    }
}

/// Counts each account's requests in flight.
public final class InFlightRequests: Sendable {
    /// The most requests one account may have in flight.
    public let limit: Int
    private let counts = Mutex<[String: Int]>([:])
    /// Which account each API key that has authenticated belongs to. A key never changes account, so this needs
    /// no invalidation; only keys that authenticated are added, so it grows no further than the keys that exist.
    private let keyAccounts = Mutex<[String: String]>([:])

    /// Creates a counter with the given per-account limit.
    public init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot for `accountSid`; `false` when the account is at its limit.
    public func acquire(_ accountSid: String) -> Bool {
        counts.withLock { counts in
            let current = counts[accountSid, default: 0]
            guard current < limit else { return false }
            counts[accountSid] = current + 1
            return true
        }
    }

    /// Gives back a slot taken by ``acquire(_:)``.
    public func release(_ accountSid: String) {
        counts.withLock { counts in
            let remaining = counts[accountSid, default: 1] - 1
            counts[accountSid] = remaining > 0 ? remaining : nil
        }
    }

    /// Whether `accountSid` has no slot left.
    public func isFull(_ accountSid: String) -> Bool {
        counts.withLock { $0[accountSid, default: 0] >= limit }
    }

    /// Notes the account an API key belongs to, once the key has authenticated.
    public func remember(apiKey: String, belongsTo accountSid: String) {
        keyAccounts.withLock { $0[apiKey] = accountSid }
    }

    /// The account a Basic username names: an account SID names itself, a known API key its account.
    public func account(forUsername username: String) -> String? {
        if Sid.isValid(username, prefix: .account) { return username }
        return keyAccounts.withLock { $0[username] }
    }
}

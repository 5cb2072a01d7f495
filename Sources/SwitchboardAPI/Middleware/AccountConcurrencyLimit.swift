public import Hummingbird
import Synchronization
import SwitchboardCore

/// Refuses a request with 20429 when its account already has `limit` requests in flight, which is how
/// Twilio limits API use: by concurrency per account rather than by rate.
public struct AccountConcurrencyLimitMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext
    let inFlight: InFlightRequests

    /// Limits each account to `limit` concurrent requests.
    public init(limit: Int) {
        self.inFlight = InFlightRequests(limit: limit)
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        guard inFlight.acquire(accountSid) else { throw TwilioError.tooManyRequests }
        defer { inFlight.release(accountSid) }
        return try await next(request, context)
    }
}

/// Counts each account's requests in flight.
public final class InFlightRequests: Sendable {
    /// The most requests one account may have in flight.
    public let limit: Int
    private let counts = Mutex<[String: Int]>([:])

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
}

/// The session's clocks: how often it checks the link, how long it waits for a response, and how it backs off.
public struct SMPPTimers: Sendable {
    /// Between two `enquire_link`s on an idle or busy link.
    public var enquireLink: Duration
    /// How long a request waits for its response before the link is taken as broken.
    public var response: Duration
    /// The first wait before reconnecting; it doubles with each failure in a row, up to `maximumBackoff`.
    public var backoff: Duration
    /// The longest wait before reconnecting.
    public var maximumBackoff: Duration
    /// Between two tries to find the message of a receipt that came before its send recorded the SMSC's id.
    public var receiptRetry: Duration
    /// How many such tries before the SMSC is asked to deliver the receipt again later.
    public var receiptAttempts: Int

    /// Creates the timers; the defaults suit an SMSC on the internet.
    public init(
        enquireLink: Duration = .seconds(30), response: Duration = .seconds(30), backoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(30), receiptRetry: Duration = .milliseconds(250), receiptAttempts: Int = 20
    ) {
        self.enquireLink = enquireLink
        self.response = response
        self.backoff = backoff
        self.maximumBackoff = maximumBackoff
        self.receiptRetry = receiptRetry
        self.receiptAttempts = receiptAttempts
    }

    /// The wait before the next reconnect after `failures` failures in a row.
    func backoff(after failures: Int) -> Duration {
        var wait = backoff
        for _ in 1..<max(1, min(failures, 16)) where wait < maximumBackoff { wait *= 2 }
        return min(wait, maximumBackoff)
    }
}

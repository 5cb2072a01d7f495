public import SwitchboardCore

/// How the outbox dispatcher works.
public struct DispatcherSettings: Sendable {
    /// Deliveries in flight at once.
    public var concurrency: Int
    /// How often to look for due work when nothing rang the doorbell: retries come due, and other processes
    /// sharing a PostgreSQL outbox queue work this one hears no ring for.
    public var pollInterval: Duration
    /// How long a claimed entry is held; a process that dies holding it lets it go after this. Longer than any
    /// one delivery (a webhook's total timeout is at most 15 seconds).
    public var lease: Duration
    /// When to retry a failed delivery, and when to give up.
    public var retryPolicy: RetryPolicy
    /// Whether to release every held entry at start. Only safe when this process is the only one on the database,
    /// as with SQLite: the holder of any lease is then a previous run of this process that died.
    public var releaseLeasesAtStart: Bool
    /// How long a delivered entry stays listed after its delivery; older ones are purged in the background.
    public var deliveredRetention: Duration
    /// How often the delivered entries past their retention are purged.
    public var purgeInterval: Duration

    /// Creates settings; the defaults are `switchboard serve`'s.
    public init(
        concurrency: Int = 16, pollInterval: Duration = .milliseconds(250), lease: Duration = .seconds(60),
        retryPolicy: RetryPolicy = DispatcherSettings.defaultRetryPolicy, releaseLeasesAtStart: Bool = false,
        deliveredRetention: Duration = DispatcherSettings.defaultDeliveredRetention, purgeInterval: Duration = .seconds(60)
    ) {
        self.deliveredRetention = deliveredRetention
        self.purgeInterval = purgeInterval
        self.concurrency = concurrency
        self.pollInterval = pollInterval
        self.lease = lease
        self.retryPolicy = retryPolicy
        self.releaseLeasesAtStart = releaseLeasesAtStart
    }

    /// Waits drawn up to 1 s, 2 s, 4 s … capped at 5 minutes, for up to 4 hours: long enough to ride out an
    /// application's deployment or outage, short enough that a dead endpoint's backlog does not grow forever.
    public static let defaultRetryPolicy = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(300), totalTime: .seconds(4 * 3600))

    /// A week: long enough to look back over an incident, short enough that the history stays small.
    public static let defaultDeliveredRetention: Duration = .seconds(7 * 86_400)
}

/// When to retry a failed delivery: exponential backoff with full jitter, capped per wait, in attempts and in total.
public struct RetryPolicy: Sendable, Equatable {
    /// The ceiling of the first wait; each later ceiling doubles.
    public var baseDelay: Duration
    /// No single wait is longer than this.
    public var maximumDelay: Duration
    /// No retry starts later than this after the first attempt began.
    public var totalTime: Duration
    /// Attempts in all, the first included.
    public var maximumAttempts: Int

    /// Creates a policy.
    public init(baseDelay: Duration, maximumDelay: Duration, totalTime: Duration, maximumAttempts: Int = .max) {
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.totalTime = totalTime
        self.maximumAttempts = maximumAttempts
    }

    /// The wait after `attempt` failed attempts (counted from 1), `elapsed` after the first began; `nil` to give up.
    public func delay(
        afterAttempt attempt: Int, elapsed: Duration, using generator: inout some RandomNumberGenerator
    ) -> Duration? {
        guard attempt < maximumAttempts, elapsed < totalTime else { return nil }
        // Full jitter (a wait drawn uniformly from zero to the exponential ceiling) rather than decorrelated jitter:
        // it needs only the attempt number, so a durable queue stores nothing beyond the count it already keeps, and
        // it spreads a burst of failures over the whole window, which stops them retrying in lockstep against a
        // recovering server. Decorrelated jitter spreads as well but depends on the previous wait, which would have
        // to be stored.
        let ceiling = ceilingMilliseconds(afterAttempt: max(attempt, 1))
        // The high half of a 64×64-bit product maps the draw onto 0...ceiling exactly, with no rounding and no
        // dependence on how the standard library happens to implement `random(in:)`.
        let drawn = generator.next().multipliedFullWidth(by: UInt64(ceiling) + 1).high
        let wait = Duration.milliseconds(Int64(drawn))
        return elapsed + wait <= totalTime ? wait : nil
    }

    /// `min(maximumDelay, baseDelay × 2^(attempt-1))` in whole milliseconds, saturating instead of overflowing.
    func ceilingMilliseconds(afterAttempt attempt: Int) -> Int64 {
        let cap = maximumDelay.wholeMilliseconds
        let base = baseDelay.wholeMilliseconds
        let doublings = attempt - 1
        guard base > 0 else { return 0 }
        guard doublings < 63 else { return cap }
        let (grown, overflow) = base.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? cap : min(cap, grown)
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded toward zero; negative durations are 0 and overflow saturates.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        let (total, carried) = whole.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        guard !overflow, !carried else { return seconds < 0 ? 0 : .max }
        return max(0, total)
    }
}

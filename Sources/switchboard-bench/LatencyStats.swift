/// What one lane of a workload measured: each success's latency and how many failed.
struct LatencySamples: Sendable {
    /// Per-success latencies in microseconds.
    var microseconds: [Int64] = []
    /// Requests or journeys that failed, timed out or got an unexpected answer.
    var failures = 0

    mutating func record(microseconds value: Int64) {
        microseconds.append(value)
    }

    mutating func merge(_ other: LatencySamples) {
        microseconds += other.microseconds
        failures += other.failures
    }
}

/// Latency samples of one workload, summarised the way PERFORMANCE.md reports them.
struct LatencyStats: Sendable {
    /// Per-success latencies in microseconds, sorted.
    let sorted: [Int64]
    /// Requests that failed or got an unexpected status.
    let failures: Int
    /// The wall time the workload ran, in seconds.
    let seconds: Double

    init(_ samples: LatencySamples, seconds: Double) {
        sorted = samples.microseconds.sorted()
        failures = samples.failures
        self.seconds = seconds
    }

    /// Successes.
    var count: Int { sorted.count }

    /// Completed requests per second.
    var throughput: Double { Double(sorted.count) / seconds }

    /// The latency at quantile `q` (0...1), in milliseconds.
    func percentile(_ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1000
    }
}

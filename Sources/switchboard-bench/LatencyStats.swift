/// Latency samples of one workload, summarised the way PERFORMANCE.md reports them.
struct LatencyStats {
    /// Per-request latencies in microseconds.
    var samples: [Int64]
    /// Requests that failed or got an unexpected status.
    var failures: Int
    /// The wall time the workload ran, in seconds.
    var seconds: Double

    /// Completed requests per second.
    var throughput: Double { Double(samples.count) / seconds }

    /// The latency at quantile `q` (0...1), in milliseconds.
    func percentile(_ q: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1000
    }

    /// One line: name, rate, p50, p99, max and failures.
    func line(_ name: String, baseline: LatencyStats?) -> String {
        let ratio = baseline.map { String(format: "  (%.2fx of baseline rate)", throughput / max($0.throughput, 1)) } ?? ""
        return String(
            format: "%-18@ %10.0f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   failures %d%@",
            name as NSString, throughput, percentile(0.5), percentile(0.99), percentile(1.0), failures, ratio as NSString)
    }
}

import Foundation

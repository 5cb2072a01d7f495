import Foundation

/// One line of the results table: a workload as the bench or wrk measured it, beside the same tool's `/health`.
struct WorkloadRow: Sendable {
    var name: String
    var rate: Double
    /// The rate divided by the same tool's `/health` rate in the same run; `nil` for a baseline.
    var ratio: Double?
    var p50: Double
    var p99: Double
    var max: Double
    var failures: Int
    /// Each server process's peak resident set during the workload, in bytes.
    var peakResident: [Int]
    /// Database growth divided by the workload's successes.
    var bytesPerJourney: Double?

    /// A row from the bench's own measurement.
    init(_ name: String, stats: LatencyStats, baseline: Double?, peakResident: [Int], bytesPerJourney: Double?) {
        self.name = name
        rate = stats.throughput
        ratio = baseline.map { stats.throughput / Swift.max($0, 1) }
        p50 = stats.percentile(0.5)
        p99 = stats.percentile(0.99)
        max = stats.percentile(1)
        failures = stats.failures
        self.peakResident = peakResident
        self.bytesPerJourney = bytesPerJourney
    }

    /// A row from wrk's summary.
    init(_ name: String, wrk: WrkRun.Result, baseline: Double?, peakResident: [Int], bytesPerJourney: Double?) {
        self.name = name
        rate = wrk.rate
        ratio = baseline.map { wrk.rate / Swift.max($0, 1) }
        p50 = wrk.p50
        p99 = wrk.p99
        max = wrk.max
        failures = wrk.failures
        self.peakResident = peakResident
        self.bytesPerJourney = bytesPerJourney
    }

    /// One line for the console, as the workload ends.
    var summary: String {
        var line = String(format: "%@: %.1f/s", name as NSString, rate)
        if let ratio { line += String(format: " (%.3f× /health)", ratio) }
        line += String(format: ", p50 %.2f ms, p99 %.2f ms, max %.2f ms, failures %d", p50, p99, max, failures)
        if !peakResident.isEmpty { line += ", peak RSS " + peakResident.map { String(format: "%.0f MB", Double($0) / 1_048_576) }.joined(separator: " + ") }
        if let bytesPerJourney { line += String(format: ", %.0f bytes/journey", bytesPerJourney) }
        return line
    }

    /// The markdown table of `rows`, as `docs/PERFORMANCE.md` takes it.
    static func markdown(_ rows: [WorkloadRow]) -> String {
        var lines = [
            "| workload | rate (/s) | ratio to /health | p50 (ms) | p99 (ms) | max (ms) | failures | peak RSS (MB) | bytes/journey |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            let ratio = row.ratio.map { String(format: "%.3f×", $0) } ?? "baseline"
            let resident = row.peakResident.isEmpty ? "–" : row.peakResident.map { String(format: "%.0f", Double($0) / 1_048_576) }.joined(separator: " + ")
            let bytes = row.bytesPerJourney.map { String(format: "%.0f", $0) } ?? "–"
            lines.append(String(format: "| %@ | %.0f | %@ | %.2f | %.2f | %.2f | %d | %@ | %@ |",
                                row.name as NSString, row.rate, ratio as NSString, row.p50, row.p99, row.max, row.failures,
                                resident as NSString, bytes as NSString))
        }
        return lines.joined(separator: "\n")
    }
}

import ArgumentParser
import Foundation
import SwitchboardCore

/// Measures one routing decision in-process: the indexed planner against a scan of every worker, the
/// baseline, over the same workers, queues, targets and tasks. Both must choose the same worker.
struct RoutingDecisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing", abstract: "Time one routing decision with many workers and queues, indexed vs. full scan.")

    @Option(help: "Workers in the workspace.") var workers = 10_000
    @Option(help: "Task queues, each with its own TargetWorkers expression.") var queues = 100
    @Option(help: "Routing decisions to time.") var decisions = 2_000
    @Option(help: "Seed for the generated workspace.") var seed: UInt64 = 42

    func run() async throws {
        var random = SeededGenerator(seed: seed)
        let workspace = try GeneratedWorkspace(workers: workers, queues: queues, random: &random)
        let tasks = (0..<decisions).map { _ in workspace.randomTask(random: &random) }
        print("switchboard-bench routing: \(workers) workers, \(queues) queues, \(decisions) decisions")
        var indexed: [Double] = []
        var scanned: [Double] = []
        var mismatches = 0
        var routed = 0
        let clock = ContinuousClock()
        for task in tasks {
            var choice: String?
            indexed.append(Self.milliseconds(clock.measure {
                choice = RoutingPlanner.chooseWorker(
                    task: task.task, attributes: task.attributes, step: task.step, queue: workspace.queues[task.queueIndex],
                    configuration: workspace.configuration, workers: workspace.workers, index: workspace.index,
                    excludedWorkers: [], multiTaskEnabled: true)
            }))
            var baseline: String?
            scanned.append(Self.milliseconds(clock.measure {
                baseline = workspace.scan(task)
            }))
            if choice != baseline { mismatches += 1 }
            if choice != nil { routed += 1 }
        }
        print(Self.line("full scan (baseline)", scanned, baseline: nil))
        print(Self.line("indexed planner", indexed, baseline: scanned))
        print("decisions that found a worker: \(routed) of \(decisions); indexed and scan disagreed on \(mismatches)")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    static func line(_ name: String, _ samples: [Double], baseline: [Double]?) -> String {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let speedup = baseline.map { String(format: "  (%.1fx faster than baseline at p50)", Self.median($0) / max(at(0.5), 1e-9)) } ?? ""
        return String(format: "%-22@ mean %8.3f ms   p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%@",
                      name as NSString, mean, at(0.5), at(0.99), sorted.last ?? 0, speedup as NSString)
    }

    static func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }
}

/// A deterministic generator, so every run routes the same workspace.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

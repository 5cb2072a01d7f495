import ArgumentParser
import Foundation
import SwitchboardCore

/// Measures one routing decision in-process over the same workers, queues, targets and tasks three ways: a
/// scan of every worker (the baseline), the indexed planner over SID sets, and the in-memory routing model the
/// engine keeps. Each must choose the worker the scan chooses; the bench counts every decision that does not.
struct RoutingDecisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing", abstract: "Time one routing decision with many workers and queues: routing model and indexed planner vs. full scan.")

    @Option(help: "Workers in the workspace.") var workers = 10_000
    @Option(help: "Task queues, each with its own TargetWorkers expression.") var queues = 100
    @Option(help: "Routing decisions to time.") var decisions = 2_000
    @Option(help: "Seed for the generated workspace.") var seed: UInt64 = 42

    func run() async throws {
        var random = SeededGenerator(seed: seed)
        let clock = ContinuousClock()
        var generated: GeneratedWorkspace?
        let built = clock.measure { generated = try? GeneratedWorkspace(workers: workers, queues: queues, random: &random) }
        guard let workspace = generated else { throw ValidationError("could not generate the workspace") }
        let tasks = (0..<decisions).map { _ in workspace.randomTask(random: &random) }
        print("switchboard-bench routing: \(workers) workers, \(queues) queues, \(decisions) decisions")
        var modelled: [Double] = []
        var indexed: [Double] = []
        var scanned: [Double] = []
        var modelMismatches = 0
        var plannerMismatches = 0
        var routed = 0
        for task in tasks {
            var baseline: String?
            scanned.append(Self.microseconds(clock.measure {
                baseline = workspace.scan(task)
            }))
            var choice: String?
            indexed.append(Self.microseconds(clock.measure {
                choice = RoutingPlanner.chooseWorker(
                    task: task.task, attributes: task.attributes, step: task.step, queue: workspace.queues[task.queueIndex],
                    configuration: workspace.configuration, workers: workspace.workers, index: workspace.index,
                    excludedWorkers: [], multiTaskEnabled: true)
            }))
            var modelChoice: String?
            modelled.append(Self.microseconds(clock.measure {
                modelChoice = workspace.model.chooseWorker(
                    task: task.task, attributes: task.attributes, queueSid: workspace.queues[task.queueIndex].sid, excludedWorkers: [])
            }))
            if choice != baseline { plannerMismatches += 1 }
            if modelChoice != baseline { modelMismatches += 1 }
            if baseline != nil { routed += 1 }
        }
        print(String(format: "workspace generated and routing model built in %.0f ms", Self.microseconds(built) / 1000))
        print(Self.line("full scan (baseline)", scanned, baseline: nil))
        print(Self.line("indexed planner", indexed, baseline: scanned))
        print(Self.line("routing model", modelled, baseline: scanned))
        // Each generated queue is one of five kinds of expression (`GeneratedWorkspace`); where the time goes by kind.
        let kinds = (0..<5).map { kind in
            let samples = zip(tasks, modelled).filter { $0.0.queueIndex % 5 == kind }.map(\.1)
            return samples.isEmpty ? "-" : String(format: "%.2f", Self.median(samples))
        }
        print("routing model p50 by queue kind (us): \(kinds.joined(separator: " / "))")
        print("decisions that found a worker: \(routed) of \(decisions)")
        print("routing model chose the scan's worker in \(decisions - modelMismatches) of \(decisions) decisions (\(modelMismatches) differed)")
        print("indexed planner chose the scan's worker in \(decisions - plannerMismatches) of \(decisions) decisions (\(plannerMismatches) differed)")
        if modelMismatches > 0 || plannerMismatches > 0 { throw ExitCode.failure }
    }

    static func microseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e6 + Double(parts.attoseconds) / 1e12
    }

    static func line(_ name: String, _ samples: [Double], baseline: [Double]?) -> String {
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let speedup = baseline.map { String(format: "  (%.0fx faster than baseline at p50)", Self.median($0) / max(at(0.5), 1e-9)) } ?? ""
        return String(format: "%-22@ mean %10.2f us   p50 %10.2f us   p99 %10.2f us   max %10.2f us%@",
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

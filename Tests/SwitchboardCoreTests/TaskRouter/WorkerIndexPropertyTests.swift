import Testing
@testable import SwitchboardCore

@Suite struct WorkerIndexPropertyTests {
    @Test(arguments: [1 as UInt64, 2, 20_240_601])
    func indexedCandidatesAlwaysIncludeEveryWorkerABruteForceScanMatches(seed: UInt64) throws {
        var sampler = RoutingSampler(generator: RoutingRandom(state: seed))
        var index = WorkerIndex()
        for number in 0..<300 {
            index.update(worker: "WK\(number)", attributes: sampler.document())
        }
        // Churn some workers so that the index is tested after updates and removals too.
        for number in stride(from: 0, to: 300, by: 7) {
            index.update(worker: "WK\(number)", attributes: sampler.document())
        }
        for number in stride(from: 3, to: 300, by: 11) {
            index.remove(worker: "WK\(number)")
        }

        var narrowed = 0
        var narrowedWithMatches = 0
        let rounds = 300
        for _ in 0..<rounds {
            let scope: ExpressionScope = sampler.chance(0.5) ? .targetWorkers : .workflowTarget
            let task: AttributeValue? = scope == .workflowTarget ? sampler.document() : nil
            let expression = sampler.expression(scope: scope)

            // The printed form parses back to the same tree, which also exercises the parser on random input.
            #expect(try TaskRouterExpression.parse(expression.description) == expression)

            let bruteForce = Set(index.workers.filter { _, attributes in
                expression.matches(in: ExpressionContext(scope: scope, task: task ?? .emptyObject, worker: attributes))
            }.keys)
            let candidates = index.candidates(for: expression, task: task)
            if case .only(let workers) = candidates {
                narrowed += 1
                if !bruteForce.isEmpty { narrowedWithMatches += 1 }
                #expect(bruteForce.isSubset(of: workers), "seed \(seed): \(expression) missed \(bruteForce.subtracting(workers))")
            }
            #expect(index.matchingWorkers(for: expression, task: task) == bruteForce, "seed \(seed): \(expression)")

            // A whole routing step: a random queue expression together with a random target for a random task.
            let queue = sampler.expression(scope: .targetWorkers)
            let target = sampler.expression(scope: .workflowTarget)
            let stepTask = sampler.document()
            let eligible = Set(index.workers.filter { _, attributes in
                queue.matches(worker: attributes) && target.matches(task: stepTask, worker: attributes)
            }.keys)
            #expect(index.eligibleWorkers(queue: queue, target: target, task: stepTask) == eligible, "seed \(seed): \(queue) / \(target)")
        }
        // Guard against a vacuous pass: many plans must narrow, and some of those must still find workers.
        #expect(narrowed >= rounds / 5)
        #expect(narrowedWithMatches >= rounds / 25)
    }
}

extension WorkerIndex {
    /// The workers that may match `expression`: always every worker that does, and usually few more.
    /// With `task` nil the expression is a queue's `TargetWorkers`; with a task it is a workflow target
    /// for that task, whose `task.` attributes are known values here.
    public func candidates(for expression: TaskRouterExpression, task: AttributeValue? = nil) -> WorkerCandidates {
        let scope: ExpressionScope = task == nil ? .targetWorkers : .workflowTarget
        return plan(expression, scope: scope, task: task ?? .emptyObject)
    }

    /// The workers that match `expression`: the candidates, each confirmed by evaluating the expression.
    /// `task` is as for `candidates(for:task:)`.
    public func matchingWorkers(for expression: TaskRouterExpression, task: AttributeValue? = nil) -> Set<String> {
        let scope: ExpressionScope = task == nil ? .targetWorkers : .workflowTarget
        return confirmed(candidates(for: expression, task: task), task: task ?? .emptyObject, by: [(expression, scope)])
    }

    /// The workers a routing step may offer `task` to: those its queue's `TargetWorkers` matches that the
    /// step's target expression, when it has one, also matches. Both narrow the candidates before any is evaluated.
    public func eligibleWorkers(queue targetWorkers: TaskRouterExpression, target: TaskRouterExpression?, task: AttributeValue) -> Set<String> {
        var checks = [(targetWorkers, ExpressionScope.targetWorkers)]
        var candidates = plan(targetWorkers, scope: .targetWorkers, task: .emptyObject)
        if let target {
            checks.append((target, .workflowTarget))
            candidates = candidates.intersection(plan(target, scope: .workflowTarget, task: task))
        }
        return confirmed(candidates, task: task, by: checks)
    }

    private func confirmed(
        _ candidates: WorkerCandidates, task: AttributeValue, by checks: [(TaskRouterExpression, ExpressionScope)]
    ) -> Set<String> {
        let ids: Set<String> = switch candidates {
        case .allWorkers: Set(workers.keys)
        case .only(let ids): ids
        }
        return ids.filter { worker in
            guard let attributes = attributes(of: worker) else { return false }
            return checks.allSatisfy { expression, scope in
                expression.matches(in: ExpressionContext(scope: scope, task: task, worker: attributes))
            }
        }
    }

    private func plan(_ expression: TaskRouterExpression, scope: ExpressionScope, task: AttributeValue) -> WorkerCandidates {
        switch expression {
        case .and(let operands):
            var candidates = WorkerCandidates.allWorkers
            for operand in operands {
                candidates = candidates.intersection(plan(operand, scope: scope, task: task))
                if candidates == .only([]) { break }
            }
            return candidates
        case .or(let operands):
            var candidates = WorkerCandidates.only([])
            for operand in operands {
                candidates = candidates.union(plan(operand, scope: scope, task: task))
                if candidates == .allWorkers { break }
            }
            return candidates
        case .comparison(let comparison):
            return plan(comparison, scope: scope, task: task)
        }
    }

    /// What one side of a comparison is, before any worker is looked at.
    private enum Side {
        /// A constant, or a task attribute: the same for every worker.
        case known(AttributeValue)
        /// A worker attribute at a path of object keys: what the index can look up.
        case worker([String])
        /// A worker attribute reached through an array index.
        case unindexed
    }

    private func side(_ operand: Operand, scope: ExpressionScope, task: AttributeValue) -> Side {
        switch operand {
        case .constant(let value):
            return .known(value)
        case .attribute(let path):
            let (root, steps) = scope.locate(path)
            if root == .task { return .known(task.value(at: steps)) }
            guard let keys = AttributePath(Array(steps)).keys else { return .unindexed }
            return .worker(keys)
        }
    }

    /// Candidates for one comparison. Each case returns a superset of the workers for which the operator
    /// holds, following `ComparisonOperator.holds`; anything not listed here falls back to every worker.
    private func plan(_ comparison: Comparison, scope: ExpressionScope, task: AttributeValue) -> WorkerCandidates {
        let left = side(comparison.left, scope: scope, task: task)
        let right = side(comparison.right, scope: scope, task: task)
        switch (comparison.operator, left, right) {
        case (let comparisonOperator, .known(let a), .known(let b)):
            // Nothing depends on the worker: the comparison holds for all of them or for none.
            return comparisonOperator.holds(a, b) ? .allWorkers : .only([])
        case (.equal, .worker(let keys), .known(let value)), (.equal, .known(let value), .worker(let keys)):
            return workers(at: keys, equalToAnyOf: [value])
        case (.in, .worker(let keys), .known(let list)), (.has, .known(let list), .worker(let keys)):
            // The worker's scalar must be one of the list's elements.
            guard case .array(let elements) = list else { return .only([]) }
            return workers(at: keys, equalToAnyOf: elements)
        case (.has, .worker(let keys), .known(let value)), (.in, .known(let value), .worker(let keys)):
            // The worker's array must have the scalar among its elements.
            guard value.isScalar else { return .only([]) }
            return .only(workers(at: keys, having: value))
        default:
            return .allWorkers
        }
    }

    /// Workers whose scalar at `keys` equals one of `values`. A missing attribute is `null`, which the index
    /// cannot list, so `null` among the values means every worker.
    private func workers(at keys: [String], equalToAnyOf values: [AttributeValue]) -> WorkerCandidates {
        var found = Set<String>()
        for value in values where value.isScalar {
            if value == .null { return .allWorkers }
            found.formUnion(workers(at: keys, equalTo: value))
        }
        return .only(found)
    }
}

/// A workflow target's expression compiled once, when its workflow changes, into lookups on `WorkerPostings`:
/// each comparison's worker side resolved to a path of keys, its other side to a constant or a task path.
/// Given a task it yields a superset of the workers the expression matches, as `WorkerIndex`'s planner does.
indirect enum CandidatePlan: Sendable {
    /// A side that is the same for every worker: a constant, or the task's attribute at these steps.
    enum Known: Sendable {
        case constant(AttributeValue)
        case task(ArraySlice<AttributePath.Segment>)

        func value(for task: AttributeValue) -> AttributeValue {
            switch self {
            case .constant(let value): value
            case .task(let steps): task.value(at: steps)
            }
        }
    }

    /// Nothing can be looked up: every worker is a candidate.
    case allWorkers
    /// Both sides are known: every worker or none, depending on the operator.
    case known(ComparisonOperator, Known, Known)
    /// The worker's scalar at the keys equals the known value.
    case equal([String], Known)
    /// The worker's scalar at the keys is one of the known list's elements.
    case memberOf([String], Known)
    /// The worker's array at the keys has the known scalar among its elements.
    case has([String], Known)
    /// Every operand must allow the worker.
    case and([CandidatePlan])
    /// Any operand may allow the worker.
    case or([CandidatePlan])

    /// The plan of `expression`, evaluated in `scope`.
    init(_ expression: TaskRouterExpression, scope: ExpressionScope) {
        switch expression {
        case .and(let operands): self = .and(operands.map { CandidatePlan($0, scope: scope) })
        case .or(let operands): self = .or(operands.map { CandidatePlan($0, scope: scope) })
        case .comparison(let comparison): self = CandidatePlan(comparison, scope: scope)
        }
    }

    private enum Side {
        case known(Known)
        case worker([String])
        case unindexed
    }

    private static func side(_ operand: Operand, scope: ExpressionScope) -> Side {
        switch operand {
        case .constant(let value):
            return .known(.constant(value))
        case .attribute(let path):
            let (root, steps) = scope.locate(path)
            if root == .task { return .known(.task(steps)) }
            guard let keys = AttributePath(Array(steps)).keys else { return .unindexed }
            return .worker(keys)
        }
    }

    /// The cases follow `WorkerIndex`'s planner, so that both narrow to supersets of the same workers.
    private init(_ comparison: Comparison, scope: ExpressionScope) {
        let left = Self.side(comparison.left, scope: scope)
        let right = Self.side(comparison.right, scope: scope)
        switch (comparison.operator, left, right) {
        case (let comparisonOperator, .known(let a), .known(let b)):
            self = .known(comparisonOperator, a, b)
        case (.equal, .worker(let keys), .known(let value)), (.equal, .known(let value), .worker(let keys)):
            self = .equal(keys, value)
        case (.in, .worker(let keys), .known(let list)), (.has, .known(let list), .worker(let keys)):
            self = .memberOf(keys, list)
        case (.has, .worker(let keys), .known(let value)), (.in, .known(let value), .worker(let keys)):
            self = .has(keys, value)
        default:
            self = .allWorkers
        }
    }

    /// The candidates for `task`: `nil` for every worker, else a set holding at least every match.
    func candidates(task: AttributeValue, postings: WorkerPostings, capacity: Int) -> WorkerBitset? {
        switch self {
        case .allWorkers:
            return nil
        case .known(let comparisonOperator, let a, let b):
            return comparisonOperator.holds(a.value(for: task), b.value(for: task)) ? nil : WorkerBitset()
        case .equal(let keys, let value):
            return Self.workers(at: keys, equalToAnyOf: [value.value(for: task)], postings: postings, capacity: capacity)
        case .memberOf(let keys, let list):
            guard case .array(let elements) = list.value(for: task) else { return WorkerBitset() }
            return Self.workers(at: keys, equalToAnyOf: elements, postings: postings, capacity: capacity)
        case .has(let keys, let value):
            let scalar = value.value(for: task)
            guard scalar.isScalar else { return WorkerBitset() }
            return postings.workers(at: keys, having: scalar)?.bitset(capacity: capacity) ?? WorkerBitset()
        case .and(let operands):
            var found: WorkerBitset?
            for operand in operands {
                guard let narrowed = operand.candidates(task: task, postings: postings, capacity: capacity) else { continue }
                if found == nil { found = narrowed } else { found!.formIntersection(narrowed) }
                if found!.isEmpty { break }
            }
            return found
        case .or(let operands):
            var found = WorkerBitset()
            for operand in operands {
                guard let widened = operand.candidates(task: task, postings: postings, capacity: capacity) else { return nil }
                found.formUnion(widened)
            }
            return found
        }
    }

    /// Workers whose scalar at `keys` equals one of `values`. A missing attribute is `null`, which the
    /// postings cannot list, so `null` among the values means every worker.
    private static func workers(
        at keys: [String], equalToAnyOf values: [AttributeValue], postings: WorkerPostings, capacity: Int
    ) -> WorkerBitset? {
        var found = WorkerBitset()
        for value in values where value.isScalar {
            if value == .null { return nil }
            postings.workers(at: keys, equalTo: value)?.add(to: &found)
        }
        return found
    }
}

/// The workers that may match an expression, as the worker index narrows them down.
public enum WorkerCandidates: Sendable, Equatable {
    /// Nothing in the expression could be looked up: every worker must be evaluated.
    case allWorkers
    /// Only these workers can match; each must still be evaluated.
    case only(Set<String>)

    /// Workers that are candidates for both: the plan for `AND`.
    public func intersection(_ other: WorkerCandidates) -> WorkerCandidates {
        switch (self, other) {
        case (.allWorkers, _): return other
        case (_, .allWorkers): return self
        case (.only(let left), .only(let right)):
            return .only(left.count <= right.count ? left.intersection(right) : right.intersection(left))
        }
    }

    /// Workers that are candidates for either: the plan for `OR`.
    public func union(_ other: WorkerCandidates) -> WorkerCandidates {
        switch (self, other) {
        case (.only(let left), .only(let right)):
            return .only(left.count >= right.count ? left.union(right) : right.union(left))
        default:
            return .allWorkers
        }
    }
}

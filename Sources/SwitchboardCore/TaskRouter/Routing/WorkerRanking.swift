/// The order in which workers who may take a task are offered it: the target's `order_by` clauses first,
/// then the longest idle, as Twilio's "Ordering Workers" describes.
///
/// Twilio orders by numbers in the workers' attributes; a worker without a number at a clause's path comes
/// after every worker with one, whichever the direction, and equal values fall through to the next clause.
/// After the last clause the worker idle longest goes first; the SID settles exact ties so the choice is
/// the same on every run.
struct WorkerRanking {
    let orderBy: [WorkerOrdering]
    /// Each clause's steps into a worker's attributes, resolved once: `worker.` is optional in `order_by`.
    private let paths: [ArraySlice<AttributePath.Segment>]

    init(orderBy: [WorkerOrdering]) {
        self.orderBy = orderBy
        self.paths = orderBy.map { ExpressionScope.targetWorkers.locate($0.attribute).steps }
    }

    /// A worker with the values its clauses compare, read once rather than at every comparison.
    struct Entry {
        let worker: RoutingWorker
        let values: [Double?]
    }

    func entry(for worker: RoutingWorker) -> Entry {
        Entry(worker: worker, values: paths.map { steps in
            // Twilio orders by numbers; any other value counts as missing.
            guard case .number(let number) = worker.attributes.value(at: steps) else { return nil }
            return number
        })
    }

    /// Whether `a` is offered the task before `b`.
    func precedes(_ a: Entry, _ b: Entry) -> Bool {
        for (index, clause) in orderBy.enumerated() {
            switch (a.values[index], b.values[index]) {
            case (nil, nil): continue
            case (_?, nil): return true
            case (nil, _?): return false
            case (let left?, let right?):
                guard left != right else { continue }
                return clause.direction == .ascending ? left < right : left > right
            }
        }
        if a.worker.idleSince != b.worker.idleSince { return a.worker.idleSince < b.worker.idleSince }
        return a.worker.sid < b.worker.sid
    }

    /// The workers, first offered first.
    func sorted(_ workers: [RoutingWorker]) -> [RoutingWorker] {
        workers.map(entry(for:)).sorted(by: precedes).map(\.worker)
    }

    /// The worker offered first; one pass, no sort.
    func first(of workers: [RoutingWorker]) -> RoutingWorker? {
        workers.map(entry(for:)).min(by: precedes)?.worker
    }
}

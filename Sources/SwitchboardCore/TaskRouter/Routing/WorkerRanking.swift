/// The order in which workers who may take a task are offered it: the target's `order_by` clauses first,
/// then the longest idle, as Twilio's "Ordering Workers" describes.
///
/// Twilio orders by numbers in the workers' attributes; a worker without a number at a clause's path comes
/// after every worker with one, whichever the direction, and equal values fall through to the next clause.
/// After the last clause the worker idle longest goes first; the SID settles exact ties so the choice is
/// the same on every run.
struct WorkerRanking {
    /// The rule itself, declared once: the routing model keeps its sorted orders by the same keys.
    private let order: WorkerOrder

    init(orderBy: [WorkerOrdering]) {
        self.order = WorkerOrder(orderBy: orderBy)
    }

    /// The `order_by` clauses, first compared first.
    var orderBy: [WorkerOrdering] { order.orderBy }

    /// The workers, first offered first.
    func sorted(_ workers: [RoutingWorker]) -> [RoutingWorker] {
        keyed(workers).sorted { order.precedes($0.key, $1.key) }.map(\.worker)
    }

    /// The worker offered first; one pass, no sort.
    func first(of workers: [RoutingWorker]) -> RoutingWorker? {
        keyed(workers).min { order.precedes($0.key, $1.key) }?.worker
    }

    /// Each worker with the values its clauses compare, read once rather than at every comparison.
    private func keyed(_ workers: [RoutingWorker]) -> [(worker: RoutingWorker, key: WorkerOrder.Key)] {
        workers.map { ($0, order.key(attributes: $0.attributes, idleSince: $0.idleSince, sid: $0.sid)) }
    }
}

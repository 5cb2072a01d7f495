/// Everything a `RoutingModel` holds and derives, by SID rather than by dense id, so that a model changed step
/// by step can be compared with one built from scratch: ids depend on the history of additions and removals,
/// what they stand for must not.
public struct RoutingModelDigest: Sendable, Equatable {
    /// Each worker as held; a channel with no load counts as absent.
    public var workers: [String: RoutingModelWorker]
    /// Whether each activity is available.
    public var activities: [String: Bool]
    /// Whether multitasking is on.
    public var multiTaskEnabled: Bool
    /// Each queue's `TargetWorkers`, `MaxReservedWorkers` and order, as text.
    public var queues: [String: String]
    /// Each queue's members.
    public var members: [String: Set<String>]
    /// The workers ready on each channel; channels nobody is ready on are left out.
    public var ready: [String: Set<String>]
    /// Each order, as SIDs first to last.
    public var orders: [[WorkerOrdering]: [String]]
    /// Who holds each indexed scalar.
    public var scalars: [String: Set<String>]
    /// Who holds each indexed array element.
    public var elements: [String: Set<String>]
    /// Workers by friendly name.
    public var namesakes: [String: Set<String>]
    /// Each workflow's configuration and reservation timeout.
    public var workflows: [String: String]
    /// The waiting tasks.
    public var waiting: [String: RoutingModel.WaitingTask]
}

extension RoutingModel {
    /// The model's contents by SID.
    public var digest: RoutingModelDigest {
        let sid = { (id: Int) -> String in self.slots[id]?.sid ?? "#\(id)" }
        let sids = { (ids: [Int]) -> Set<String> in Set(ids.map(sid)) }
        var workers: [String: RoutingModelWorker] = [:]
        for case let worker? in slots {
            var normalized = worker
            normalized.load = worker.load.filter { $0.value != 0 }
            workers[worker.sid] = normalized
        }
        func entryName(_ entry: WorkerIndex.Entry) -> String {
            // 0 and -0 are one key of the postings, kept as whichever came first; name them alike.
            if case .number(let number) = entry.value, number == 0 { return "\(entry.keys)=\(AttributeValue.number(0))" }
            return "\(entry.keys)=\(entry.value)"
        }
        return RoutingModelDigest(
            workers: workers,
            activities: activityAvailability,
            multiTaskEnabled: multiTaskEnabled,
            queues: queues.mapValues { "\($0.queue.targetWorkers?.description ?? "-") \($0.queue.maxReservedWorkers) \($0.queue.taskOrder)" },
            members: queues.mapValues { sids($0.members.ids) },
            ready: ready.filter { !$0.value.isEmpty }.mapValues { sids($0.ids) },
            orders: orders.mapValues { $0.ids.map(sid) },
            scalars: Dictionary(uniqueKeysWithValues: postings.entries.map { (entryName($0.key), sids($0.value)) }),
            elements: Dictionary(uniqueKeysWithValues: postings.elementEntries.map { (entryName($0.key), sids($0.value)) }),
            namesakes: namesakes.mapValues { sids($0.ids) },
            workflows: workflows.mapValues { "\($0.configuration) \($0.reservationTimeout)" },
            waiting: waiting)
    }
}

/// Workers' attribute values indexed by dense worker id: for every scalar at a path of object keys, who has
/// it (`path == value`), and for every scalar element of an array at such a path, who has it among the
/// elements (`path HAS value`). The same entries as `WorkerIndex`, held as id sets instead of SID sets.
struct WorkerPostings: Sendable {
    private var scalars: [WorkerIndex.Entry: WorkerIdSet] = [:]
    private var elements: [WorkerIndex.Entry: WorkerIdSet] = [:]

    /// Indexes a worker's attributes under `id`.
    mutating func add(_ id: Int, attributes: AttributeValue) {
        let entries = WorkerIndex.entries(of: attributes)
        for entry in entries.scalars { scalars[entry, default: WorkerIdSet()].insert(id) }
        for entry in entries.elements { elements[entry, default: WorkerIdSet()].insert(id) }
    }

    /// Forgets the attributes indexed under `id`; they must be the ones `add` was given.
    mutating func remove(_ id: Int, attributes: AttributeValue) {
        let entries = WorkerIndex.entries(of: attributes)
        for entry in entries.scalars { Self.remove(id, at: entry, from: &scalars) }
        for entry in entries.elements { Self.remove(id, at: entry, from: &elements) }
    }

    /// Workers whose scalar at `keys` is `value`.
    func workers(at keys: [String], equalTo value: AttributeValue) -> WorkerIdSet? {
        scalars[WorkerIndex.Entry(keys: keys, value: value)]
    }

    /// Workers whose array at `keys` has the scalar `value` among its elements.
    func workers(at keys: [String], having value: AttributeValue) -> WorkerIdSet? {
        elements[WorkerIndex.Entry(keys: keys, value: value)]
    }

    /// Every scalar entry with the ids holding it, for comparing two models.
    var entries: [WorkerIndex.Entry: [Int]] {
        scalars.mapValues(\.ids)
    }

    /// Every array-element entry with the ids holding it.
    var elementEntries: [WorkerIndex.Entry: [Int]] {
        elements.mapValues(\.ids)
    }

    private static func remove(_ id: Int, at entry: WorkerIndex.Entry, from table: inout [WorkerIndex.Entry: WorkerIdSet]) {
        guard var set = table[entry] else { return }
        set.remove(id)
        // Empty sets are dropped so that churn in attribute values does not grow the table forever.
        table[entry] = set.count == 0 ? nil : set
    }
}

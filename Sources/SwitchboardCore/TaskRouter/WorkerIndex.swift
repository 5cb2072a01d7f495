/// Workers' attributes held in memory and indexed by value, so that routing a task among thousands of
/// workers looks up the few that can match instead of evaluating an expression against every one.
///
/// Every scalar at a path of object keys is indexed for `path == value`, and every scalar element of an
/// array at such a path for `path HAS value`. A value type: the owner decides how it is shared.
public struct WorkerIndex: Sendable {
    /// An attribute path (object keys only) paired with a scalar found there.
    struct Entry: Hashable, Sendable {
        let keys: [String]
        let value: AttributeValue
    }

    private var attributesByWorker: [String: AttributeValue] = [:]
    private var workersByScalar: [Entry: Set<String>] = [:]
    private var workersByElement: [Entry: Set<String>] = [:]

    /// An empty index.
    public init() {}

    /// How many workers are indexed.
    public var count: Int { attributesByWorker.count }

    /// Every indexed worker's id and attributes.
    public var workers: [String: AttributeValue] { attributesByWorker }

    /// The attributes of a worker, or `nil` when it is not indexed.
    public func attributes(of worker: String) -> AttributeValue? {
        attributesByWorker[worker]
    }

    /// Adds a worker, or replaces the attributes of one already indexed.
    public mutating func update(worker: String, attributes: AttributeValue) {
        remove(worker: worker)
        attributesByWorker[worker] = attributes
        let entries = Self.entries(of: attributes)
        for entry in entries.scalars { workersByScalar[entry, default: []].insert(worker) }
        for entry in entries.elements { workersByElement[entry, default: []].insert(worker) }
    }

    /// Removes a worker; removing one that is not indexed does nothing.
    public mutating func remove(worker: String) {
        guard let attributes = attributesByWorker.removeValue(forKey: worker) else { return }
        let entries = Self.entries(of: attributes)
        for entry in entries.scalars { Self.remove(worker, at: entry, from: &workersByScalar) }
        for entry in entries.elements { Self.remove(worker, at: entry, from: &workersByElement) }
    }

    /// How many (path, value) entries are held; lets tests see that removals leave nothing behind.
    var indexedEntryCount: Int { workersByScalar.count + workersByElement.count }

    /// Workers whose attribute at `keys` is the scalar `value`.
    func workers(at keys: [String], equalTo value: AttributeValue) -> Set<String> {
        workersByScalar[Entry(keys: keys, value: value)] ?? []
    }

    /// Workers whose attribute at `keys` is an array with the scalar `value` among its elements.
    func workers(at keys: [String], having value: AttributeValue) -> Set<String> {
        workersByElement[Entry(keys: keys, value: value)] ?? []
    }

    private static func remove(_ worker: String, at entry: Entry, from table: inout [Entry: Set<String>]) {
        guard var workers = table[entry] else { return }
        workers.remove(worker)
        // Empty sets are dropped so that churn in attribute values does not grow the table forever.
        table[entry] = workers.isEmpty ? nil : workers
    }

    /// The entries a document contributes: scalars reached through objects, and scalar elements of arrays reached
    /// through objects. Arrays inside arrays and objects inside arrays are left to full evaluation.
    static func entries(of attributes: AttributeValue) -> (scalars: Set<Entry>, elements: Set<Entry>) {
        var scalars = Set<Entry>()
        var elements = Set<Entry>()
        func visit(_ value: AttributeValue, _ keys: [String]) {
            switch value {
            case .object(let members):
                for (key, member) in members { visit(member, keys + [key]) }
            case .array(let items):
                for item in items where item.isScalar { elements.insert(Entry(keys: keys, value: item)) }
            case .null, .bool, .number, .string:
                if !keys.isEmpty { scalars.insert(Entry(keys: keys, value: value)) }
            }
        }
        visit(attributes, [])
        return (scalars, elements)
    }
}

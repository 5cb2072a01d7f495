import struct Foundation.Date

/// The workers of a workspace kept sorted in one `order_by`'s order, then longest idle, then SID: the order
/// `WorkerRanking` gives. A decision walks it and stops at the first eligible worker, instead of ranking every
/// eligible one; a change moves one worker by a binary search rather than re-sorting all.
struct WorkerOrder: Sendable {
    /// What a worker is ranked by, read once when its attributes or idle time change.
    struct Key: Sendable, Equatable {
        var values: [Double?]
        var idleSince: Date
        var sid: String
    }

    let orderBy: [WorkerOrdering]
    /// Each clause's steps into a worker's attributes: `worker.` is optional in `order_by`.
    private let paths: [ArraySlice<AttributePath.Segment>]
    /// Dense worker ids, first offered first.
    private(set) var ids: [Int] = []
    /// Each worker's key, by dense id; `nil` for an id not in use.
    private var keys: [Key?] = []

    init(orderBy: [WorkerOrdering]) {
        self.orderBy = orderBy
        self.paths = orderBy.map { ExpressionScope.targetWorkers.locate($0.attribute).steps }
    }

    /// The key of a worker with these attributes, idle since `idleSince`.
    func key(attributes: AttributeValue, idleSince: Date, sid: String) -> Key {
        Key(values: paths.map { steps in
            // Twilio orders by numbers; any other value counts as missing.
            guard case .number(let number) = attributes.value(at: steps) else { return nil }
            return number
        }, idleSince: idleSince, sid: sid)
    }

    /// Whether a worker with key `a` is offered a task before one with key `b`.
    func precedes(_ a: Key, _ b: Key) -> Bool {
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
        if a.idleSince != b.idleSince { return a.idleSince < b.idleSince }
        return a.sid < b.sid
    }

    /// Whether worker `a` is offered a task before worker `b`; both must be placed.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        precedes(keys[a]!, keys[b]!)
    }

    /// Places worker `id`, or moves it to where `key` now puts it.
    mutating func place(_ id: Int, key: Key) {
        remove(id)
        if id >= keys.count { keys.append(contentsOf: repeatElement(nil, count: id - keys.count + 1)) }
        keys[id] = key
        ids.insert(id, at: position(before: key))
    }

    /// Places many workers at once with one sort; the order must hold none of them yet.
    mutating func placeAll(_ placed: [(id: Int, key: Key)]) {
        for (id, key) in placed {
            if id >= keys.count { keys.append(contentsOf: repeatElement(nil, count: id - keys.count + 1)) }
            keys[id] = key
        }
        let keys = self.keys
        var sorted = ids + placed.map(\.id)
        sorted.sort { precedes(keys[$0]!, keys[$1]!) }
        ids = sorted
    }

    /// Takes worker `id` out of the order.
    mutating func remove(_ id: Int) {
        guard id < keys.count, let key = keys[id] else { return }
        let position = position(before: key)
        // Keys are unique (the SID settles ties), so the worker is exactly at its key's position.
        ids.remove(at: position)
        keys[id] = nil
    }

    /// The first index whose worker does not precede `key`.
    private func position(before key: Key) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(keys[ids[middle]]!, key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

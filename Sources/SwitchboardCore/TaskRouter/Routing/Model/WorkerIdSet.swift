/// The workers holding one attribute value: a short sorted list while few do, a bitset once many do, so that
/// ten thousand distinct values (a `contact_uri` per worker) cost a few bytes each and a common skill still
/// joins a bitset intersection without a conversion.
struct WorkerIdSet: Sendable {
    private enum Storage: Sendable {
        case sparse([Int])
        case dense(WorkerBitset, count: Int)
    }

    /// Above this many ids a set is kept as bits; below half of it, as a list again.
    static let denseThreshold = 64

    private var storage = Storage.sparse([])

    /// How many workers are in the set.
    var count: Int {
        switch storage {
        case .sparse(let ids): ids.count
        case .dense(_, let count): count
        }
    }

    /// Adds `id`; adding one already present does nothing.
    mutating func insert(_ id: Int) {
        switch storage {
        case .sparse(var ids):
            let position = Self.position(of: id, in: ids)
            guard position == ids.count || ids[position] != id else { return }
            ids.insert(id, at: position)
            storage = ids.count > Self.denseThreshold ? .dense(WorkerBitset(ids, capacity: ids.last! + 1), count: ids.count) : .sparse(ids)
        case .dense(var bits, let count):
            guard !bits.contains(id) else { return }
            bits.insert(id)
            storage = .dense(bits, count: count + 1)
        }
    }

    /// Removes `id`; removing one not present does nothing.
    mutating func remove(_ id: Int) {
        switch storage {
        case .sparse(var ids):
            let position = Self.position(of: id, in: ids)
            guard position < ids.count, ids[position] == id else { return }
            ids.remove(at: position)
            storage = .sparse(ids)
        case .dense(var bits, let count):
            guard bits.contains(id) else { return }
            bits.remove(id)
            storage = count - 1 < Self.denseThreshold / 2 ? .sparse(bits.ids) : .dense(bits, count: count - 1)
        }
    }

    /// The ids as a bitset, for intersecting with others.
    func bitset(capacity: Int) -> WorkerBitset {
        switch storage {
        case .sparse(let ids): WorkerBitset(ids, capacity: capacity)
        case .dense(let bits, _): bits
        }
    }

    /// Adds the ids to `bits`.
    func add(to bits: inout WorkerBitset) {
        switch storage {
        case .sparse(let ids): for id in ids { bits.insert(id) }
        case .dense(let other, _): bits.formUnion(other)
        }
    }

    /// The ids in ascending order.
    var ids: [Int] {
        switch storage {
        case .sparse(let ids): ids
        case .dense(let bits, _): bits.ids
        }
    }

    private static func position(of id: Int, in ids: [Int]) -> Int {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A set of dense worker ids as one bit per id: a routing decision intersects a queue's members, the workers
/// ready on a channel and a target's candidates in a few hundred word operations instead of hashing SIDs.
///
/// Sets of different lengths combine as if the shorter one were padded with zeros, so a set made before more
/// workers joined stays valid.
public struct WorkerBitset: Sendable, Equatable {
    /// Equal when they hold the same ids, whatever their lengths.
    public static func == (lhs: WorkerBitset, rhs: WorkerBitset) -> Bool {
        let longer = max(lhs.words.count, rhs.words.count)
        for index in 0..<longer where lhs.word(index) != rhs.word(index) { return false }
        return true
    }

    private func word(_ index: Int) -> UInt64 { index < words.count ? words[index] : 0 }

    /// The bits, 64 ids per word, id 0 in the lowest bit of the first word.
    private(set) var words: [UInt64]

    /// An empty set.
    public init() { words = [] }

    /// An empty set with room for ids below `capacity` without growing.
    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    /// A set of exactly these ids.
    init(_ ids: some Sequence<Int>, capacity: Int) {
        self.init(capacity: capacity)
        for id in ids { insert(id) }
    }

    /// Whether `id` is in the set.
    public func contains(_ id: Int) -> Bool {
        let word = id >> 6
        return word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }

    /// Adds `id`.
    mutating func insert(_ id: Int) {
        let word = id >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(id & 63)
    }

    /// Removes `id`.
    mutating func remove(_ id: Int) {
        let word = id >> 6
        guard word < words.count else { return }
        words[word] &= ~(1 << UInt64(id & 63))
    }

    /// Adds or removes `id`.
    mutating func set(_ id: Int, to member: Bool) {
        if member { insert(id) } else { remove(id) }
    }

    /// How many ids are in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether the set has no id.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Keeps only the ids also in `other`.
    mutating func formIntersection(_ other: WorkerBitset) {
        let shared = min(words.count, other.words.count)
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<shared { mine[index] &= theirs[index] }
                for index in shared..<mine.count { mine[index] = 0 }
            }
        }
    }

    /// Adds every id of `other`.
    mutating func formUnion(_ other: WorkerBitset) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<theirs.count { mine[index] |= theirs[index] }
            }
        }
    }

    /// The ids in ascending order.
    public var ids: [Int] {
        var found: [Int] = []
        forEach { found.append($0) }
        return found
    }

    /// Calls `body` with each id in ascending order.
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                body(index << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }
}

/// The parts of customers' long messages received so far, joined once the last arrives.
struct SMPPConcatenation: Sendable {
    /// One long message: who sent it to whom, under which reference, in how many parts.
    struct Key: Hashable, Sendable {
        var source: String
        var destination: String
        var reference: UInt16
        var total: Int
    }

    /// How many unfinished messages are kept; the oldest go first, since a handset that never sends a part
    /// should not grow the buffer without end.
    static let capacity = 1000

    private(set) var pending: [Key: [Int: [UInt8]]] = [:]
    private var order: [Key] = []

    /// Adds a part; returns every part's octets in order once all have come. They are kept until ``forget(_:)``,
    /// so that when storing the joined message fails and the SMSC sends the last part again, it joins again.
    mutating func add(_ octets: [UInt8], header: SMPPUserDataHeader, source: String, destination: String) -> (key: Key, joined: [UInt8]?) {
        let key = Key(source: source, destination: destination, reference: header.reference, total: header.total)
        if pending[key] == nil {
            order.append(key)
            if order.count > Self.capacity { pending[order.removeFirst()] = nil }
        }
        pending[key, default: [:]][header.sequence] = octets
        guard let parts = pending[key], (1...header.total).allSatisfy({ parts[$0] != nil }) else { return (key, nil) }
        return (key, (1...header.total).flatMap { parts[$0] ?? [] })
    }

    /// Drops a message whose parts were joined and stored.
    mutating func forget(_ key: Key) {
        pending[key] = nil
        order.removeAll { $0 == key }
    }
}

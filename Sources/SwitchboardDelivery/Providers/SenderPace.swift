/// Keeps each paced sender's `MessagesPerSecond` across all its messages in this process: every message gets a
/// slot one interval after the previous one's. A message whose slot is not near is put back in the outbox until
/// then, holding its slot, so a slow sender never holds up the dispatcher's deliveries for other senders.
public actor SenderPace {
    /// When each paced sender's next slot opens, in milliseconds.
    var nextSlot: [String: Double] = [:]
    /// Slots already given to outbox entries that were put back to wait for them.
    var held: [String: Int64] = [:]

    /// Creates an empty pace.
    public init() {}

    /// The time, in milliseconds, at which the entry `entrySid` of sender `senderSid` may leave: the slot it was
    /// given before, or the next free one.
    public func slot(senderSid: String, messagesPerSecond: Double, entrySid: String, now: Int64) -> Int64 {
        if let slot = held.removeValue(forKey: entrySid) { return slot }
        let interval = 1_000 / messagesPerSecond
        let slot = max(nextSlot[senderSid] ?? Double(now), Double(now))
        nextSlot[senderSid] = slot + interval
        return Int64(slot.rounded(.up))
    }

    /// Keeps `slot` for the entry while it waits in the outbox.
    public func hold(_ slot: Int64, forEntry entrySid: String) {
        held[entrySid] = slot
    }
}

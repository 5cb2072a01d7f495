import SwitchboardCore

/// An outbox entry leased for one attempt; for a message, the message as the claim marked it `sending` (`nil` when
/// it is gone) and the sender whose address it is from, if any.
struct ClaimedEntry: Sendable {
    let entry: OutboxEntry
    var message: Message?
    var sender: Sender?
}

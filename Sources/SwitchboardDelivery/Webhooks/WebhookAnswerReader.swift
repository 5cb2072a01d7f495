public import SwitchboardCore

/// Acts on what an application answered to a webhook whose answer means something, such as the instruction in
/// an answer to TaskRouter's assignment callback. Asked after a successful answer, before the entry leaves the
/// outbox: a crash in between sends the call again, so reading must tolerate seeing an answer twice.
public protocol WebhookAnswerReader: Sendable {
    /// The ``WebhookCall/purpose`` of the calls whose answers this reads.
    var purpose: String { get }
    /// Acts on `body`, the answer that `url` (the call's own URL, or its fallback's when that answered instead)
    /// gave to `call`, which `entry` made for its account. The entry's SID is the same on every attempt, so a
    /// reader that creates things can derive their SIDs from it and find them already there on a second reading.
    func read(_ body: [UInt8], answering call: WebhookCall, answeredBy url: String, entry: OutboxEntry) async throws
}

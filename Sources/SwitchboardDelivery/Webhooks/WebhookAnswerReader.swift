public import SwitchboardCore

/// Acts on what an application answered to a webhook whose answer means something, such as the instruction in
/// an answer to TaskRouter's assignment callback. Asked after a successful answer, before the entry leaves the
/// outbox: a crash in between sends the call again, so reading must tolerate seeing an answer twice.
public protocol WebhookAnswerReader: Sendable {
    /// The ``WebhookCall/purpose`` of the calls whose answers this reads.
    var purpose: String { get }
    /// Acts on `body`, the answer to `call` made for `accountSid`.
    func read(_ body: [UInt8], answering call: WebhookCall, accountSid: String) async throws
}

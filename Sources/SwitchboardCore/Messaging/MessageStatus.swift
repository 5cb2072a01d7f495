/// Where a message is in its life, with Twilio's values.
public enum MessageStatus: String, Sendable, CaseIterable {
    /// Accepted and waiting for the dispatcher.
    case queued
    /// Handed to the connector, not yet confirmed.
    case sending
    /// The provider took it.
    case sent
    /// The provider could not take it; `error_code` says why.
    case failed
    /// The handset confirmed it.
    case delivered
    /// The provider took it but the handset never got it; `error_code` says why.
    case undelivered
    /// An inbound message still arriving.
    case receiving
    /// An inbound message that arrived.
    case received
    /// Accepted for a messaging service; Switchboard does not use it.
    case accepted
    /// Scheduled for later; Switchboard does not use it.
    case scheduled
    /// Read on WhatsApp.
    case read
    /// Some recipients got it.
    case partiallyDelivered = "partially_delivered"
    /// Canceled before it was sent.
    case canceled

    /// How far along the outbound path a status is; a report that would move a message backwards is stale.
    var progress: Int {
        switch self {
        case .accepted, .scheduled, .queued: 0
        case .sending: 1
        case .sent: 2
        case .delivered, .undelivered, .partiallyDelivered: 3
        case .read: 4
        case .failed, .canceled, .receiving, .received: 5
        }
    }

    /// Whether no later status can follow.
    public var isFinal: Bool {
        switch self {
        case .failed, .undelivered, .canceled, .received, .read: true
        default: false
        }
    }

    /// Whether a message in this status may move to `next`. Providers report out of order, so a late `sent`
    /// after `delivered` must not undo it; and a failure is final.
    public func canMove(to next: MessageStatus) -> Bool {
        guard self != next, !isFinal else { return false }
        return next.progress > progress
    }
}

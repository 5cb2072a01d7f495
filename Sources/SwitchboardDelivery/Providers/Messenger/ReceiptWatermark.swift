public import Foundation
public import SwitchboardCore

/// A receipt given for every message a business sent a customer up to a time, rather than for one message:
/// Messenger's `delivery` and `read` events carry a `watermark` meaning "everything sent at or before this".
public struct ReceiptWatermark: Sendable, Equatable {
    /// `delivered` or `read`.
    public var status: MessageStatus
    /// The channel of the messages.
    public var channel: DeliveryChannel
    /// The sender's normalised address: the messages' `From`.
    public var business: String
    /// The customer's normalised address: the messages' `To`.
    public var customer: String
    /// Messages sent at or before this time are covered.
    public var through: Date
    /// Ids the provider also named, which hold even when its clock and ours disagree about the watermark.
    public var providerMessageIDs: [String]

    /// Creates the value.
    public init(
        status: MessageStatus, channel: DeliveryChannel, business: String, customer: String, through: Date, providerMessageIDs: [String] = []
    ) {
        self.status = status
        self.channel = channel
        self.business = business
        self.customer = customer
        self.through = through
        self.providerMessageIDs = providerMessageIDs
    }
}

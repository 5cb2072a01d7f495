public import SwitchboardCore
public import struct Foundation.Date

/// Messages sent and received over channels.
public protocol MessageRepository: Sendable {
    /// Stores a new message.
    func insert(_ message: Message) async throws
    /// The account's message with this SID.
    func find(sid: String, accountSid: String) async throws -> Message?
    /// The message with this SID, locked until the transaction ends, for the delivery pipeline.
    func lock(sid: String) async throws -> Message?
    /// Saves a changed message.
    func update(_ message: Message) async throws
    /// Deletes the account's message; `false` when there was none.
    func delete(sid: String, accountSid: String) async throws -> Bool
    /// The account's messages that pass `filter`, oldest first.
    func list(accountSid: String, filter: MessageFilter, page: PageRequest) async throws -> Page<Message>
    /// The account's message that its provider knows by `providerMessageID`, inbound or outbound.
    func find(providerMessageID: String, accountSid: String) async throws -> Message?
    /// When `customer` last wrote to `business` on `channel`, or `nil` if never: what opens WhatsApp's and
    /// Messenger's customer-care window for that pair.
    func lastInbound(accountSid: String, channel: DeliveryChannel, customer: String, business: String) async throws -> Date?
    /// The messages `business` sent `customer` on `channel` at or before `sentThrough` that are `sent` or
    /// `delivered`, oldest first, at most `limit`: what a receipt given as a watermark (Messenger's) moves on.
    func awaitingReceipt(
        accountSid: String, channel: DeliveryChannel, business: String, customer: String, sentThrough: Date, limit: Int
    ) async throws -> [Message]
}

/// Which messages a list returns; every filter set must hold.
public struct MessageFilter: Sendable, Equatable {
    /// Only messages to this address.
    public var to: String?
    /// Only messages from this address.
    public var from: String?

    /// Creates a filter.
    public init(to: String? = nil, from: String? = nil) {
        self.to = to
        self.from = from
    }
}

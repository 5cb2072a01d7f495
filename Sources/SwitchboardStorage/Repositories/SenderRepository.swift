public import SwitchboardCore
public import struct Foundation.Date

/// Senders, each owned by one account and unique there by address.
public protocol SenderRepository: Sendable {
    /// Stores a new sender.
    func insert(_ sender: Sender) async throws
    /// The sender with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> Sender?
    /// The sender with this SID, whoever owns it: what a provider's webhook, which carries no account, is for.
    func find(sid: String) async throws -> Sender?
    /// The account's sender at `address`, if any.
    func find(address: String, accountSid: String) async throws -> Sender?
    /// Every account's sender at `address`, oldest first: what inbound mail, which names no account, is for.
    func all(address: String) async throws -> [Sender]
    /// Every account's senders of `connector`, oldest first: the senders whose connector keeps a session open from
    /// the start (SMPP), so that their receipts and customers' messages come in before they send anything.
    func all(connector: ConnectorKind) async throws -> [Sender]
    /// The account's senders, oldest first.
    func list(accountSid: String, page: PageRequest) async throws -> Page<Sender>
    /// Saves a changed configuration; the health is left as it is.
    func update(_ sender: Sender) async throws
    /// Removes the sender; `false` when the account has no such sender.
    func delete(sid: String, accountSid: String) async throws -> Bool
    /// Counts one message the provider took.
    func recordSent(sid: String) async throws
    /// Notes a failure and when it happened; `counted` when a message failed for good by it, rather than being
    /// tried again.
    func recordFailure(sid: String, error: String, at date: Date, counted: Bool) async throws
}

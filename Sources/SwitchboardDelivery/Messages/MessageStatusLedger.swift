public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Moves messages through their statuses and queues the `StatusCallback` post for each change, in one transaction.
public struct MessageStatusLedger: Sendable {
    let sids: any SidGenerator

    /// Creates a ledger that names outbox entries with `sids`.
    public init(sids: any SidGenerator) {
        self.sids = sids
    }

    /// Applies `report` to the message if it moves it forward; a stale or repeated report changes nothing.
    /// Returns the message as it now is, or `nil` when it no longer exists.
    @discardableResult
    public func apply(
        _ report: MessageStatusReport, toMessage sid: String, in session: any StorageSession, now: Date
    ) async throws -> Message? {
        guard var message = try await session.messages.lock(sid: sid) else { return nil }
        guard message.status.canMove(to: report.status) else { return message }
        message.status = report.status
        if report.status == .sent, message.dateSent == nil { message.dateSent = now }
        if let code = report.errorCode {
            message.errorCode = code
            message.errorMessage = report.errorMessage ?? SandboxFailureRule.errorMessage(for: code)
        }
        message.dateUpdated = now
        try await session.messages.update(message)
        try await followedByProxyInteraction(message, in: session, now: now)
        if let callback = message.statusCallback {
            try await session.outbox.enqueue(.due(
                .webhook(WebhookCall(url: callback, body: .form(MessageStatusCallback.parameters(for: message)), purpose: "message-status")),
                sid: sids.make(.outboxEntry), accountSid: message.accountSid, now: now))
        }
        return message
    }

    /// A message Proxy relayed names its interaction as its origin; the interaction's `outbound_resource_status`
    /// is the message's status, as Twilio's moves from queued to sent, delivered, undelivered or failed.
    func followedByProxyInteraction(_ message: Message, in session: any StorageSession, now: Date) async throws {
        guard Sid.hasPrefix(message.origin, SidPrefix.proxyInteraction.rawValue),
              var interaction = try await session.proxyInteractions.find(sid: message.origin, accountSid: message.accountSid),
              interaction.outboundResourceSid == message.sid
        else { return }
        interaction.outboundResourceStatus = message.status.rawValue
        interaction.dateUpdated = now
        try await session.proxyInteractions.update(interaction)
    }
}

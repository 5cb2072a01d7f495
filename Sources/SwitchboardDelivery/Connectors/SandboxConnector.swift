public import SwitchboardCore
public import SwitchboardStorage

/// The default connector: delivers every channel to simulated customer handsets in Switchboard's own database,
/// where `GET /sandbox/v1/Messages` shows them. A failure rule on an address turns its deliveries away.
public struct SandboxConnector: ChannelConnector {
    let storage: any Storage
    let time: any TimeSource

    /// Creates the connector over `storage`.
    public init(storage: any Storage, time: any TimeSource) {
        self.storage = storage
        self.time = time
    }

    /// Every channel.
    public var channels: Set<DeliveryChannel> { Set(DeliveryChannel.allCases) }

    /// Puts the message on the handset, or turns it away as the address's failure rule says. The handset's row is
    /// written with the message's new status, in the dispatcher's unit of work, so a handset never shows a message
    /// whose status says it is still on its way, and a crash in between never shows it twice.
    public func send(_ message: Message) async throws -> ConnectorReceipt {
        let now = time.now()
        let rule = try await storage.read { try await $0.sandbox.failureRule(accountSid: message.accountSid, address: message.to) }
        let delivery = SandboxDelivery(
            messageSid: message.sid, accountSid: message.accountSid, address: message.to, channel: message.channel,
            from: message.from, to: message.to, body: message.body, contentSid: message.contentSid,
            contentVariables: message.contentVariables, subject: message.subject,
            status: rule?.status ?? .delivered, errorCode: rule?.errorCode, dateCreated: now)
        let record: @Sendable (any StorageSession) async throws -> Void = { try await $0.sandbox.recordDelivery(delivery) }
        switch rule?.status {
        case .failed?:
            let code = rule?.errorCode ?? SandboxFailureRule.defaultErrorCode(for: .failed)
            return ConnectorReceipt(.refused(errorCode: code, message: SandboxFailureRule.errorMessage(for: code)), record: record)
        case .some(let status):
            return ConnectorReceipt(
                .accepted(providerMessageID: message.sid), reports: [MessageStatusReport(status, errorCode: rule?.errorCode)], record: record)
        case nil:
            return ConnectorReceipt(.accepted(providerMessageID: message.sid), reports: [MessageStatusReport(.delivered)], record: record)
        }
    }

    /// A simulated customer's message: `Channel` (optional when the addresses show it), `From`, `To` and `Body`.
    public func inboundMessage(from request: ProviderRequest) throws(TwilioError) -> InboundMessage {
        guard let from = request.value("From"), !from.isEmpty else { throw .missingParameter("From") }
        guard let to = request.value("To"), !to.isEmpty else { throw .missingParameter("To") }
        let channel: DeliveryChannel
        if let name = request.value("Channel"), !name.isEmpty {
            guard let named = DeliveryChannel(rawValue: name.lowercased()) else {
                throw .invalidParameter("Channel must be one of \(DeliveryChannel.allCases.map(\.rawValue).joined(separator: ", ")); got '\(name)'")
            }
            channel = named
        } else {
            guard let detected = DeliveryChannel(detectingFrom: from) else { throw .missingParameter("Channel") }
            channel = detected
        }
        return try InboundMessage(channel: channel, from: from, to: to, body: request.value("Body") ?? "")
    }
}

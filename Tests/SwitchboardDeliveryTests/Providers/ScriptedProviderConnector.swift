import Synchronization
import SwitchboardCore
@testable import SwitchboardDelivery

/// A Twilio-kind provider connector that records what it is asked to send, and with which sender, and answers from
/// its script: a receipt, or an error worth retrying; accepted with the message's SID reversed when the script runs out.
final class ScriptedProviderConnector: ProviderConnector {
    private let state: Mutex<(script: [Result<ConnectorReceipt, ConnectorUnavailable>], sent: [(Message, ConfiguredSender)])>

    init(_ script: [Result<ConnectorReceipt, ConnectorUnavailable>] = []) {
        state = Mutex((script, []))
    }

    var kind: ConnectorKind { .twilio }

    var sent: [(message: Message, sender: ConfiguredSender)] { state.withLock { $0.sent.map { (message: $0.0, sender: $0.1) } } }

    func send(_ message: Message, from sender: ConfiguredSender) async throws -> ConnectorReceipt {
        let next = state.withLock { state in
            state.sent.append((message, sender))
            return state.script.isEmpty ? .success(ConnectorReceipt(.accepted(providerMessageID: "P" + message.sid))) : state.script.removeFirst()
        }
        return try next.get()
    }

    func receive(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        ProviderInbound(answer: ProviderAnswer())
    }
}

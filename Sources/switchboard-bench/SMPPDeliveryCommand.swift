import ArgumentParser
import AsyncHTTPClient
import Foundation

/// Measures delivery through the SMPP connector to an SMSC (smpp34's), beside the sandbox in the same run.
struct SMPPDeliveryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smpp",
        abstract: "Measure messages/s to the sandbox and through the SMPP connector to an SMSC.")

    /// The server; SMPP sessions are plain TCP, not through the webhook address guard, so no flag is needed.
    @OptionGroup var server: ServerOptions
    @Option(help: "The SMSC's host (tail -f /dev/null | python3 Tests/Integration/smsc_peer.py smpp34 2775).")
    var smscHost = "127.0.0.1"
    @Option(help: "The SMSC's port.") var smscPort = 2775
    @Option(help: "The sender's window of outstanding submit_sm.") var window = 10
    @Option(help: "Messages per workload.") var messages = 500
    @Option(help: "Requests in flight while queueing messages.") var connections = 16

    func run() async throws {
        let accountSid = try server.account().sid
        try await server.withTarget(connections: connections) { target in
            let run = SenderDeliveryRun(target: target, accountSid: accountSid, connections: connections)
            print("switchboard-bench smpp: \(server.url), SMSC \(smscHost):\(smscPort), window \(window), \(messages) messages per workload")
            let address = MessageJourney.address(Int.random(in: 760_000_000...769_999_999))
            let settings = #"{"host":"\#(smscHost)","port":"\#(smscPort)","system_id":"bench","password":"bench","window":"\#(window)"}"#
            try await run.compareWithSandbox(
                "smpp (window \(window))", count: messages, sandboxBase: 750_000_000,
                senderForm: "Connector=smpp&Channel=sms&Address=" + SenderDeliveryRun.encode(address) + "&Settings=" + SenderDeliveryRun.encode(settings),
                address: address, customers: (0..<messages).map { MessageJourney.address($0 + 770_000_000) })
        }
    }
}

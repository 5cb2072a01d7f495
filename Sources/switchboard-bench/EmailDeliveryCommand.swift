import ArgumentParser
import AsyncHTTPClient
import Foundation

/// Measures delivery through the SMTP connector to a relay (aiosmtpd), beside the sandbox in the same run.
struct EmailDeliveryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Measure messages/s to the sandbox and through the SMTP connector to a relay.")

    /// The server; run it with `--allow-private-webhooks` so the relay may be on loopback.
    @OptionGroup var server: ServerOptions
    @Option(help: "The relay's host (python3 -m aiosmtpd -n -l 127.0.0.1:8025 -c aiosmtpd.handlers.Sink).")
    var smtpHost = "127.0.0.1"
    @Option(help: "The relay's port.") var smtpPort = 8025
    @Option(help: "The relay's PEM certificate to trust; without it the sender sends with starttls off.")
    var caFile: String?
    @Option(help: "Messages per workload.") var messages = 500
    @Option(help: "Requests in flight while queueing messages.") var connections = 16

    func run() async throws {
        let accountSid = try server.account().sid
        try await server.withTarget(connections: connections) { target in
            let run = SenderDeliveryRun(target: target, accountSid: accountSid, connections: connections)
            print("switchboard-bench email: \(server.url), relay \(smtpHost):\(smtpPort), \(messages) messages per workload")
            let address = "bench-\(Int.random(in: 100_000...999_999))@switchboard.example"
            var settings = #"{"host":"\#(smtpHost)","port":\#(smtpPort),"from_name":"Bench""#
            settings += caFile.map { #","ca_file":"\#($0)"}"# } ?? #","starttls":"off"}"#
            try await run.compareWithSandbox(
                "smtp (\(caFile == nil ? "plain" : "STARTTLS"))", count: messages, sandboxBase: 740_000_000,
                senderForm: "Connector=smtp&Address=" + SenderDeliveryRun.encode(address) + "&Settings=" + SenderDeliveryRun.encode(settings),
                address: address, customers: (0..<messages).map { "customer\($0)@example.org" })
        }
    }
}

import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOPosix
import SwitchboardCore

/// Measures delivery through a provider connector against a stand-in provider, beside the sandbox in the same run,
/// and whether a sender's `MessagesPerSecond` holds while an unpaced sender delivers alongside it.
struct SenderDeliveryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "senders",
        abstract: "Measure messages/s to the sandbox and through the WhatsApp Cloud connector, and a paced sender's rate.")

    /// The server; run it with `--public-url` set to its own URL and `--allow-private-webhooks`.
    @OptionGroup var server: ServerOptions
    @Option(help: "The stand-in Graph server's root URL (python3 Tests/Integration/graph_standin.py --port N).")
    var graphUrl = "http://127.0.0.1:8090"
    @Option(help: "Messages per throughput workload.") var messages = 500
    @Option(help: "Requests in flight while queueing messages.") var connections = 16
    @Option(help: "The paced sender's MessagesPerSecond.") var pacedRate = 10.0
    @Option(help: "Messages the paced sender sends.") var pacedMessages = 50

    func run() async throws {
        let accountSid = try server.account().sid
        try await server.withTarget(connections: connections) { target in
            let run = SenderDeliveryRun(target: target, accountSid: accountSid, connections: connections)
            print("switchboard-bench senders: \(server.url), stand-in Graph \(graphUrl), \(messages) messages per workload")
            let sandbox = try await run.deliver(messages, from: "+15005550006", to: (0..<messages).map { MessageJourney.address($0 + 700_000_000) })
            print(String(format: "sandbox (baseline)        %8.1f messages/s", sandbox))
            let whatsapp = try await run.makeWhatsAppSender(graphURL: graphUrl, messagesPerSecond: nil)
            let customers = (0..<messages).map { "whatsapp:" + MessageJourney.address($0 + 710_000_000) }
            try await run.openWindows(of: whatsapp, for: customers)
            let rate = try await run.deliver(messages, from: whatsapp.address, to: customers)
            print(String(format: "whatsapp-cloud            %8.1f messages/s  %.2fx sandbox", rate, rate / sandbox))

            let paced = try await run.makeWhatsAppSender(graphURL: graphUrl, messagesPerSecond: pacedRate)
            let unpaced = try await run.makeWhatsAppSender(graphURL: graphUrl, messagesPerSecond: nil)
            let pacedCustomers = (0..<pacedMessages).map { "whatsapp:" + MessageJourney.address($0 + 720_000_000) }
            let unpacedCustomers = (0..<messages).map { "whatsapp:" + MessageJourney.address($0 + 730_000_000) }
            try await run.openWindows(of: paced, for: pacedCustomers)
            try await run.openWindows(of: unpaced, for: unpacedCustomers)
            async let pacedRun = run.sentRate(of: paced, count: pacedMessages) {
                try await run.queue(pacedMessages, from: paced.address, to: pacedCustomers)
            }
            async let unpacedRun = run.sentRate(of: unpaced, count: messages) {
                try await run.queue(messages, from: unpaced.address, to: unpacedCustomers)
            }
            let (pacedRate, unpacedRate) = try await (pacedRun, unpacedRun)
            let deviation = abs(pacedRate - self.pacedRate) / self.pacedRate * 100
            print(String(format: "paced sender at %.0f/s      %8.2f messages/s  (%.1f%% off)", self.pacedRate, pacedRate, deviation))
            print(String(format: "unpaced sender beside it  %8.1f messages/s  %.2fx whatsapp-cloud alone", unpacedRate, unpacedRate / rate))
        }
    }
}

import Foundation
import NIOCore
import NIOFoundationCompat

/// Seed 002's outbound SMS, end to end: `POST /v1/Interactions` (conversation, channel and an auto-answered task,
/// routed before the answer), then the agent's conversation message, until the customer's sandbox handset shows
/// it delivered. Every interaction writes to one customer from a proxy address of its own, so one event stream per
/// server sees every journey end, and the sender's number says which journey it was.
struct InteractionJourney: Sendable {
    let fixture: TaskRouterFixture
    let ends: JourneyEnds

    /// The customer every interaction reaches; its handset's event stream ends the journeys.
    static let customer = "+15559999999999"

    /// The proxy address of interaction `n`: `+1444` and ten digits of `n`.
    static func proxyAddress(_ n: Int) -> String {
        let digits = String(n)
        return "+1444" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// The `Channel` and `Routing` form of interaction `n`.
    func form(_ n: Int) -> String {
        let channel = #"{"type":"sms","initiated_by":"agent","properties":{"type":"sms"},"participants":[{"address":"\#(Self.customer)","proxy_address":"\#(Self.proxyAddress(n))","type":"sms"}]}"#
        let routing = #"{"properties":{"workspace_sid":"\#(fixture.workspaceSid)","workflow_sid":"\#(fixture.workflowSid)","task_channel_unique_name":"sms","attributes":{"autoAnswer":"true","customerName":"bench \#(n)"}}}"#
        return "Channel=" + Self.encode(channel) + "&Routing=" + Self.encode(routing)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// Runs interaction `n` on `connection` and returns how long it took to reach the handset, or `nil`; then
    /// completes its task, untimed, so the agents' capacity never runs out.
    func run(on connection: BenchConnection, _ n: Int) async -> Duration? {
        let began = ContinuousClock.now
        let server = connection.server
        guard let created = try? await connection.call(server.request("POST", "/flex-api/v1/Interactions", form: form(n))),
              created.status == 201,
              let json = try? JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any],
              let routing = json["routing"] as? [String: Any], let task = routing["properties"] as? [String: Any],
              let attributesText = task["attributes"] as? String,
              let attributes = try? JSONSerialization.jsonObject(with: Data(attributesText.utf8)) as? [String: Any],
              let conversationSid = attributes["conversationSid"] as? String
        else { return nil }
        let message = server.request("POST", "/conversations/v1/Conversations/\(conversationSid)/Messages", form: "Author=agent&Body=Hello+\(n)")
        guard let sent = try? await connection.call(message), sent.status == 201, await ends.wait(for: n) else { return nil }
        let elapsed = began.duration(to: .now)
        if let taskSid = task["sid"] as? String {
            _ = try? await connection.call(server.request("POST", fixture.taskPath(taskSid), form: TaskRouterFixture.completion))
        }
        return elapsed
    }

    /// Ends the journey whose message reached the handset, by the proxy address it came from.
    static func receive(_ delivery: [String: Any], ends: JourneyEnds) {
        guard let from = delivery["from"] as? String, from.hasPrefix("+1444"), let n = Int(from.dropFirst(5)) else { return }
        ends.resolve(n, succeeded: (delivery["status"] as? String) == "delivered")
    }
}

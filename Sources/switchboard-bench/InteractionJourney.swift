import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Seed 002's outbound SMS, end to end: `POST /v1/Interactions` (conversation, channel and an auto-answered task,
/// routed before the answer), then the agent's conversation message, until the customer's sandbox handset shows
/// it delivered. Each interaction has its own customer, so polling that handset finds exactly it.
struct InteractionJourney: Sendable {
    let target: LoadTarget
    let fixture: TaskRouterFixture

    static let proxyAddress = "+15005550006"

    /// The `Channel` and `Routing` form of interaction `n`.
    func form(_ n: Int) -> String {
        let channel = #"{"type":"sms","initiated_by":"agent","properties":{"type":"sms"},"participants":[{"address":"\#(MessageJourney.address(n))","proxy_address":"\#(Self.proxyAddress)","type":"sms"}]}"#
        let routing = #"{"properties":{"workspace_sid":"\#(fixture.workspaceSid)","workflow_sid":"\#(fixture.workflowSid)","task_channel_unique_name":"sms","attributes":{"autoAnswer":"true","customerName":"bench \#(n)"}}}"#
        return "Channel=" + Self.encode(channel) + "&Routing=" + Self.encode(routing)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// Creates interaction `n`, sends its conversation message, then polls the handset every 2 ms until the message
    /// is there and delivered; `false` after 30 s or on any unexpected answer.
    func createAndAwaitHandset(_ n: Int) async throws -> Bool {
        let created = try await target.client.execute(target.request("POST", "/flex-api/v1/Interactions", form: form(n)), timeout: .seconds(30))
        let body = try await created.body.collect(upTo: 1 << 20)
        guard created.status.code == 201,
              let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let routing = json["routing"] as? [String: Any], let task = routing["properties"] as? [String: Any],
              let attributesText = task["attributes"] as? String,
              let attributes = try JSONSerialization.jsonObject(with: Data(attributesText.utf8)) as? [String: Any],
              let conversationSid = attributes["conversationSid"] as? String
        else { return false }
        let message = try await target.client.execute(
            target.request("POST", "/conversations/v1/Conversations/\(conversationSid)/Messages", form: "Author=agent&Body=Hello+\(n)"),
            timeout: .seconds(30))
        _ = try await message.body.collect(upTo: 1 << 20)
        guard message.status.code == 201 else { return false }
        let handset = "/sandbox/v1/Messages?Address=" + MessageJourney.address(n).replacingOccurrences(of: "+", with: "%2B")
        let giveUp = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < giveUp {
            let poll = try await target.client.execute(target.request("GET", handset), timeout: .seconds(30))
            let polled = try await poll.body.collect(upTo: 1 << 20)
            if String(buffer: polled).contains(#""status":"delivered""#) { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return false
    }
}

import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import SwitchboardCore

/// The steps of the `senders` workloads: senders on the stand-in Graph server, customers' windows opened by a
/// signed webhook, messages queued, and the clock read when the server has handed them all over.
struct SenderDeliveryRun: Sendable {
    let target: LoadTarget
    let accountSid: String
    let connections: Int

    /// A sender of this run: its address and where its provider posts.
    struct CreatedSender: Sendable {
        let sid: String
        let address: String
        let inboundURL: String
        let appSecret: String
    }

    /// A new WhatsApp Cloud sender on the stand-in, at a number of its own.
    func makeWhatsAppSender(graphURL: String, messagesPerSecond: Double?) async throws -> CreatedSender {
        let number = "+1500" + String(Int.random(in: 1_000_000...9_999_999))
        let appSecret = "bench-app-secret"
        let settings = #"{"graph_url":"\#(graphURL)","api_version":"v23.0","phone_number_id":"\#(number.dropFirst())","#
            + #""access_token":"bench-token","app_secret":"\#(appSecret)","verify_token":"bench-verify"}"#
        var form = "Connector=whatsapp-cloud&Address=" + Self.encode("whatsapp:" + number) + "&Settings=" + Self.encode(settings)
        if let messagesPerSecond { form += "&MessagesPerSecond=\(messagesPerSecond)" }
        let json = try await call("POST", "/switchboard/v1/Senders", form: form, expect: 201)
        guard let sid = json["sid"] as? String, let inbound = json["inbound_url"] as? String else {
            throw ValidationError("the sender's answer has no sid or inbound_url")
        }
        return CreatedSender(sid: sid, address: "whatsapp:" + number, inboundURL: inbound, appSecret: appSecret)
    }

    /// Posts one signed inbound message from each customer to `sender`, a hundred to a webhook, as Meta batches
    /// them: WhatsApp takes free-form messages only inside a customer's 24-hour window.
    func openWindows(of sender: CreatedSender, for customers: [String]) async throws {
        var batch = 0
        for start in stride(from: 0, to: customers.count, by: 100) {
            batch += 1
            let messages = customers[start..<min(start + 100, customers.count)].enumerated().map { index, customer in
                #"{"from":"\#(customer.dropFirst("whatsapp:+".count))","id":"wamid.bench-\#(sender.sid)-\#(batch)-\#(index)","timestamp":"\#(Int(Date().timeIntervalSince1970))","type":"text","text":{"body":"hello"}}"#
            }
            let number = sender.address.dropFirst("whatsapp:+".count)
            let body = #"{"object":"whatsapp_business_account","entry":[{"id":"0","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"\#(number)","phone_number_id":"\#(number)"},"messages":[\#(messages.joined(separator: ","))]}}]}]}"#
            var request = HTTPClientRequest(url: sender.inboundURL)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-Hub-Signature-256", value: "sha256=" + Secrets.hmacSHA256Hex(Array(body.utf8), key: sender.appSecret))
            request.body = .bytes(ByteBuffer(string: body))
            let response = try await target.client.execute(request, timeout: .seconds(60))
            _ = try await response.body.collect(upTo: 1 << 20)
            guard response.status.code == 200 else { throw ValidationError("the inbound webhook was answered \(response.status.code)") }
        }
    }

    /// Queues `count` messages to sandbox handsets (numbered from `sandboxBase`), then `count` from a new sender
    /// created with `senderForm` at `address` to `customers`, and prints both rates and their ratio as `label`.
    func compareWithSandbox(
        _ label: String, count: Int, sandboxBase: Int, senderForm: String, address: String, customers: [String]
    ) async throws {
        let sandbox = try await deliver(count, from: "+15005550006", to: (0..<count).map { MessageJourney.address($0 + sandboxBase) })
        print(String(format: "sandbox (baseline)        %8.1f messages/s", sandbox))
        _ = try await call("POST", "/switchboard/v1/Senders", form: senderForm, expect: 201)
        let rate = try await deliver(count, from: address, to: customers)
        print(label.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.1f messages/s  %.2fx sandbox", rate, rate / sandbox))
    }

    /// Queues `count` messages and returns messages/s from the first request until none waits in the outbox.
    func deliver(_ count: Int, from: String, to customers: [String]) async throws -> Double {
        let started = ContinuousClock.now
        try await queue(count, from: from, to: customers)
        while try await pendingEntries() > 0 { try await Task.sleep(for: .milliseconds(20)) }
        return Double(count) / Self.seconds(since: started)
    }

    /// Queues `count` messages, `connections` requests at a time.
    func queue(_ count: Int, from: String, to customers: [String]) async throws {
        let path = MessageJourney.path(accountSid: accountSid)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<connections {
                group.addTask {
                    for n in stride(from: lane, to: count, by: connections) {
                        let form = "From=" + Self.encode(from) + "&To=" + Self.encode(customers[n % customers.count]) + "&Body=Benchmark+message+\(n)"
                        _ = try await call("POST", path, form: form, expect: 201)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Messages/s the sender's provider took, from its first to its last, read from its `health.sent_count`
    /// while `queueing` runs.
    func sentRate(of sender: CreatedSender, count: Int, queueing: @Sendable () async throws -> Void) async throws -> Double {
        async let queued: Void = queueing()
        var first: ContinuousClock.Instant?
        var last = ContinuousClock.now
        var sent = 0
        let giveUp = ContinuousClock.now.advanced(by: .seconds(600))
        while sent < count, ContinuousClock.now < giveUp {
            let health = try await call("GET", "/switchboard/v1/Senders/" + sender.sid, expect: 200)["health"] as? [String: Any]
            let now = (health?["sent_count"] as? Int) ?? 0
            if now > 0, first == nil { first = ContinuousClock.now }
            if now > sent { last = ContinuousClock.now }
            sent = now
            try await Task.sleep(for: .milliseconds(10))
        }
        try await queued
        guard let first, sent > 1 else { throw ValidationError("sender \(sender.sid) sent \(sent) of \(count)") }
        let elapsed = first.duration(to: last).components
        return Double(sent - 1) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    func pendingEntries() async throws -> Int {
        let json = try await call("GET", "/switchboard/v1/Outbox?Status=pending&PageSize=50", expect: 200)
        return (json["entries"] as? [Any])?.count ?? 0
    }

    func call(_ method: String, _ path: String, form: String? = nil, expect status: Int) async throws -> [String: Any] {
        let response = try await target.client.execute(target.request(method, path, form: form), timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 22)
        guard Int(response.status.code) == status else {
            throw ValidationError("\(method) \(path) answered \(response.status.code): \(String(buffer: body))")
        }
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}

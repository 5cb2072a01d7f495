import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A message's whole way out: `POST /Messages` until the sandbox handset shows it delivered. Each message goes to
/// its own address, so polling that handset finds exactly it.
struct MessageJourney: Sendable {
    let target: LoadTarget
    let accountSid: String

    static func path(accountSid: String) -> String {
        "/api/2010-04-01/Accounts/\(accountSid)/Messages.json"
    }

    /// A distinct customer number per message: `+1555` and ten digits of `n`.
    static func address(_ n: Int) -> String {
        let digits = String(n)
        return "+1555" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    static func form(_ n: Int) -> String {
        "To=" + address(n).replacingOccurrences(of: "+", with: "%2B") + "&From=%2B15005550006&Body=Benchmark+message+\(n)"
    }

    /// Sends message `n`, then polls its handset every 2 ms until it is there and delivered; `false` after 30 s.
    func sendAndAwaitHandset(_ n: Int) async throws -> Bool {
        let response = try await target.client.execute(
            target.request("POST", Self.path(accountSid: accountSid), form: Self.form(n)), timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 201 else { return false }
        let handset = "/sandbox/v1/Messages?Address=" + Self.address(n).replacingOccurrences(of: "+", with: "%2B")
        let giveUp = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < giveUp {
            let poll = try await target.client.execute(target.request("GET", handset), timeout: .seconds(30))
            let body = try await poll.body.collect(upTo: 1 << 20)
            if String(buffer: body).contains(#""status":"delivered""#) { return true }
            try await Task.sleep(for: .milliseconds(2))
        }
        return false
    }
}

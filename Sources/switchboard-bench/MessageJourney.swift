import Foundation

/// A message's whole way out: `POST /Messages` until its `StatusCallback`, posted to the bench's listener at a
/// path naming the journey, says `delivered`. Each message goes to its own address.
struct MessageJourney: Sendable {
    let accountSid: String
    /// The listener's root URL.
    let callbackRoot: String
    let ends: JourneyEnds

    /// The listener path whose posts end journey `n`.
    static let callbackPrefix = "/messages/"

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

    /// Sends message `n` and waits for the callback that says it was delivered; `false` on any other answer or
    /// after the journeys' patience.
    func run(on connection: BenchConnection, _ n: Int) async -> Bool {
        let callback = (callbackRoot + Self.callbackPrefix + String(n)).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let request = connection.server.request("POST", Self.path(accountSid: accountSid), form: Self.form(n) + "&StatusCallback=" + callback)
        guard let response = try? await connection.call(request), response.status == 201 else { return false }
        return await ends.wait(for: n)
    }

    /// Ends the journey a `StatusCallback` post names, if its status is final.
    static func receive(path: String, form: [String: String], ends: JourneyEnds) {
        guard path.hasPrefix(callbackPrefix), let n = Int(path.dropFirst(callbackPrefix.count)) else { return }
        switch form["MessageStatus"] {
        case "delivered": ends.resolve(n, succeeded: true)
        case "failed", "undelivered": ends.resolve(n, succeeded: false)
        default: return
        }
    }
}

internal import Foundation

/// Per-URL webhook connection settings that Twilio reads from the URL's fragment: `#ct=1000&rt=2000&rc=2&rp=5xx,ct`.
public struct ConnectionOverrides: Sendable, Equatable {
    /// The values `ct` accepts, in milliseconds.
    public static let connectTimeoutRange = 100...10_000
    /// The values `rt` accepts, in milliseconds.
    public static let readTimeoutRange = 100...15_000
    /// The values `tt` accepts, in milliseconds.
    public static let totalTimeoutRange = 100...15_000
    /// The values `rc` accepts: retries after the first attempt.
    public static let retryCountRange = 0...5

    /// How long to wait for the TCP connection (`ct`, default 5000 ms).
    public var connectTimeout: Duration = .milliseconds(5_000)
    /// How long to wait for the first response bytes, and between later ones (`rt`, default 15000 ms).
    public var readTimeout: Duration = .milliseconds(15_000)
    /// The time allowed for all attempts together (`tt`, default 15000 ms, which is also its maximum).
    public var totalTimeout: Duration = .milliseconds(15_000)
    /// Retries after the first attempt (`rc`, default 1).
    public var retryCount = 1
    /// The failures that are retried (`rp`, default `ct`; `all` means every class).
    public var retryOn: Set<RetryCondition> = [.connectFailure]
    /// The Twilio edges to send from, rotated through on retries (`e`); Switchboard has one egress and only keeps them.
    public var edges: [String] = []
    /// Whether to send TLS Server Name Indication (`sni=y` or `n`); `nil` when not set.
    public var serverNameIndication: Bool?
    /// Override pairs whose value is not allowed, so their defaults stay in force; for the log (Twilio's 11243 for `rp`).
    public var invalidSettings: [String] = []

    /// The defaults, as for a URL without overrides.
    public init() {}

    /// Reads the overrides from a fragment (without `#`); other keys are ignored and a repeated key's last value wins.
    public init(fragment: String) {
        // Ignoring unknown keys lets an ordinary fragment (`#section-2`) through at no cost.
        for pair in fragment.split(separator: "&") {
            let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(sides[0]).removingPercentEncoding ?? String(sides[0])
            let raw = sides.count == 2 ? String(sides[1]) : ""
            let value = raw.removingPercentEncoding ?? raw
            if !apply(key: key, value: value), Self.keys.contains(key) {
                invalidSettings.append(String(pair))
            }
        }
    }

    /// Whether an attempt that ended this way is retried at once under these overrides, before `rc` runs out.
    public func retries(_ result: DeliveryAttemptResult) -> Bool {
        retryOn.contains { $0.matches(result) }
    }

    static let keys: Set<String> = ["ct", "rt", "tt", "rc", "rp", "e", "sni"]

    /// Sets one override; `false` when the key is unknown or the value is not allowed.
    private mutating func apply(key: String, value: String) -> Bool {
        switch key {
        case "ct":
            guard let milliseconds = Self.number(value, in: Self.connectTimeoutRange) else { return false }
            connectTimeout = .milliseconds(milliseconds)
        case "rt":
            guard let milliseconds = Self.number(value, in: Self.readTimeoutRange) else { return false }
            readTimeout = .milliseconds(milliseconds)
        case "tt":
            guard let milliseconds = Self.number(value, in: Self.totalTimeoutRange) else { return false }
            totalTimeout = .milliseconds(milliseconds)
        case "rc":
            guard let count = Self.number(value, in: Self.retryCountRange) else { return false }
            retryCount = count
        case "rp":
            guard let conditions = Self.retryConditions(value) else { return false }
            retryOn = conditions
        case "e":
            let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard !names.isEmpty, !names.contains(where: \.isEmpty) else { return false }
            edges = names
        case "sni":
            switch value {
            case "y": serverNameIndication = true
            case "n": serverNameIndication = false
            default: return false
            }
        default:
            return false
        }
        return true
    }

    private static func number(_ value: String, in range: ClosedRange<Int>) -> Int? {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(value), range.contains(number)
        else { return nil }
        return number
    }

    /// A comma-separated `rp` list; one unknown entry spoils the whole list, as Twilio's 11243 describes.
    private static func retryConditions(_ value: String) -> Set<RetryCondition>? {
        var conditions = Set<RetryCondition>()
        for token in value.split(separator: ",", omittingEmptySubsequences: false) {
            let name = token.trimmingCharacters(in: .whitespaces)
            if name == "all" {
                conditions.formUnion(RetryCondition.allCases)
            } else if let condition = RetryCondition(rawValue: name) {
                conditions.insert(condition)
            } else {
                return nil
            }
        }
        return conditions
    }
}

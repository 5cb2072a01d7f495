import Foundation

/// One `SplitByWaitTime` threshold: how many tasks were canceled, and how many reservations accepted, after the
/// task waited less than `threshold` seconds (`below`) or at least that long (`above`).
public struct WaitTimeSplit: Sendable, Equatable {
    /// The threshold, in seconds.
    public var threshold: Int
    /// Tasks canceled before the threshold.
    public var tasksCanceledBelow = 0
    /// Tasks canceled at or after the threshold.
    public var tasksCanceledAbove = 0
    /// Reservations accepted before the threshold.
    public var reservationsAcceptedBelow = 0
    /// Reservations accepted at or after the threshold.
    public var reservationsAcceptedAbove = 0

    /// An empty split at `threshold` seconds.
    public init(threshold: Int) {
        self.threshold = threshold
    }

    /// The thresholds of a `SplitByWaitTime` parameter, a comma-separated list of seconds such as `5,30,60`;
    /// none when it was not sent. Anything but non-negative whole numbers is a 20001.
    public static func thresholds(_ raw: String?) throws(TwilioError) -> [Int] {
        guard let raw else { return [] }
        var thresholds: [Int] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let seconds = Int(text), seconds >= 0 else {
                throw .invalidParameter("SplitByWaitTime must be a comma-separated list of seconds; got '\(raw)'")
            }
            if !thresholds.contains(seconds) { thresholds.append(seconds) }
        }
        return thresholds
    }
}

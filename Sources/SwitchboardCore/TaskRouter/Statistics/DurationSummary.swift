/// Twilio's `{avg, min, max, total}` of a set of durations, in whole seconds; all 0 when there is none.
public struct DurationSummary: Sendable, Equatable {
    /// The mean, rounded to the nearest second.
    public var average: Int
    /// The shortest.
    public var minimum: Int
    /// The longest.
    public var maximum: Int
    /// The sum.
    public var total: Int

    /// The summary of these durations, in seconds.
    public init(_ seconds: [Int]) {
        total = seconds.reduce(0, +)
        minimum = seconds.min() ?? 0
        maximum = seconds.max() ?? 0
        average = seconds.isEmpty ? 0 : Int((Double(total) / Double(seconds.count)).rounded())
    }
}

public import struct Foundation.Date

/// The interval a cumulative statistics resource covers, from Twilio's `StartDate`, `EndDate` and `Minutes`.
public struct StatisticsWindow: Sendable, Equatable {
    /// The first moment counted (`start_time`).
    public var start: Date
    /// The last moment counted (`end_time`).
    public var end: Date

    /// How far back statistics reach when neither `StartDate` nor `Minutes` is sent: Twilio's 15 minutes.
    public static let defaultMinutes = 15

    /// A window from its bounds.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The window a request asks for. It ends at `EndDate`, or now; it starts at `StartDate`, or `Minutes`
    /// (15 by default) before its end. `Minutes` must be positive and the window must not end before it starts;
    /// either is a 20001.
    public static func resolve(startDate: Date?, endDate: Date?, minutes: Int?, now: Date) throws(TwilioError) -> StatisticsWindow {
        if let minutes, minutes <= 0 { throw .invalidParameter("Minutes must be a positive number of minutes; got \(minutes)") }
        let end = endDate ?? now
        let start = startDate ?? end.addingTimeInterval(-60 * Double(minutes ?? defaultMinutes))
        guard start <= end else { throw .invalidParameter("StartDate must not be after EndDate") }
        return StatisticsWindow(start: start, end: end)
    }

    /// Whether `date` falls in the window, both ends included.
    public func contains(_ date: Date) -> Bool {
        start <= date && date <= end
    }

    /// Whole seconds of `from..<to` that fall in the window.
    func overlap(from: Date, to: Date) -> Int {
        let seconds = min(to, end).timeIntervalSince(max(from, start))
        return seconds > 0 ? Int(seconds.rounded(.down)) : 0
    }
}

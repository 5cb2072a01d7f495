public import struct Foundation.Date

extension Date {
    /// Whole seconds since 1970. Saturates instead of trapping: a client's number (a TTL, a timeout, a duration)
    /// can reach a date past `Int64`'s range, and one request must never stop the server.
    public var wholeSecondsSince1970: Int64 { Int64(saturating: timeIntervalSince1970.rounded(.down)) }

    /// Whole milliseconds since 1970, saturating like ``wholeSecondsSince1970``.
    public var wholeMillisecondsSince1970: Int64 { Int64(saturating: (timeIntervalSince1970 * 1000).rounded(.down)) }
}

extension Int64 {
    /// `value` converted, clamped to `Int64`'s range, with NaN as zero; `Int64(_:)` traps on all three.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775_807e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775_808e18 {
            self = .min
        } else {
            self = Int64(value)
        }
    }
}

public import struct Foundation.Date

/// Where "now" comes from; injected so tests control time.
public protocol TimeSource: Sendable {
    /// The current wall-clock time.
    func now() -> Date
}

/// The system clock, truncated to whole seconds because Twilio's dates have no finer precision.
public struct SystemTimeSource: TimeSource {
    /// Creates the clock.
    public init() {}

    /// The current time, to the second.
    public func now() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}

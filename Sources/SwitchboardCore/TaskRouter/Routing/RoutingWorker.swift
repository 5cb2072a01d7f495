public import struct Foundation.Date

/// A worker as routing sees it at one moment: what expressions match, whether their activity takes work,
/// and how much room they have on each task channel.
public struct RoutingWorker: Sendable, Equatable {
    /// The `WK…` SID.
    public var sid: String
    /// The friendly name, which `known_worker_friendly_name` matches.
    public var friendlyName: String
    /// The parsed attributes; the `WorkerIndex` passed alongside must hold the same.
    public var attributes: AttributeValue
    /// Whether the worker's current activity is an available one.
    public var available: Bool
    /// Configured capacity per task channel SID; 0 for a channel the worker made unavailable.
    public var capacity: [String: Int]
    /// Pending reservations plus assigned and wrapping tasks, per task channel SID.
    public var load: [String: Int]
    /// Since when the worker has had nothing to do; the longest idle is offered work first.
    public var idleSince: Date

    /// Creates a routing worker from its parts.
    public init(
        sid: String, friendlyName: String, attributes: AttributeValue, available: Bool, capacity: [String: Int],
        load: [String: Int], idleSince: Date
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.attributes = attributes
        self.available = available
        self.capacity = capacity
        self.load = load
        self.idleSince = idleSince
    }

    /// Whether the worker can take one more task of `channel`: the channel has room, and in a workspace
    /// without multitasking the worker has nothing at all, on any channel.
    public func hasRoom(onChannel channel: String, multiTaskEnabled: Bool) -> Bool {
        guard (load[channel] ?? 0) < (capacity[channel] ?? 0) else { return false }
        return multiTaskEnabled || load.values.allSatisfy { $0 <= 0 }
    }
}

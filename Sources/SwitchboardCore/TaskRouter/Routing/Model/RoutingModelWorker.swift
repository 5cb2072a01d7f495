public import struct Foundation.Date

/// A worker as the routing model holds it: what `RoutingWorker` holds, with the activity SID instead of
/// whether it is available, since one activity's availability decides for all its workers.
public struct RoutingModelWorker: Sendable, Equatable {
    /// The `WK…` SID.
    public var sid: String
    /// The friendly name, which `known_worker_friendly_name` matches.
    public var friendlyName: String
    /// The parsed attributes.
    public var attributes: AttributeValue
    /// The current activity's `WA…` SID.
    public var activitySid: String
    /// Configured capacity per task channel SID; 0 for a channel the worker made unavailable.
    public var capacity: [String: Int]
    /// Pending reservations plus assigned and wrapping tasks, per task channel SID.
    public var load: [String: Int]
    /// Since when the worker has had nothing to do; the longest idle is offered work first.
    public var idleSince: Date

    /// Creates a worker from its parts.
    public init(
        sid: String, friendlyName: String, attributes: AttributeValue, activitySid: String, capacity: [String: Int],
        load: [String: Int], idleSince: Date
    ) {
        self.sid = sid
        self.friendlyName = friendlyName
        self.attributes = attributes
        self.activitySid = activitySid
        self.capacity = capacity
        self.load = load
        self.idleSince = idleSince
    }

    /// The worker as `RoutingPlanner` sees it, given whether its activity is an available one.
    public func routingWorker(available: Bool) -> RoutingWorker {
        RoutingWorker(
            sid: sid, friendlyName: friendlyName, attributes: attributes, available: available, capacity: capacity,
            load: load, idleSince: idleSince)
    }
}

public import Logging
public import SwitchboardCore
public import SwitchboardRouting
public import SwitchboardStorage

/// The outside things the API depends on, injected so tests can substitute time and identifiers.
public struct ServerDependencies: Sendable {
    /// Where state lives.
    public var storage: any Storage
    /// Where "now" comes from.
    public var time: any TimeSource
    /// Where new SIDs come from.
    public var sids: any SidGenerator
    /// TaskRouter's engine, through which every routing change goes.
    public var routing: RoutingEngine

    /// Creates the dependencies, with a routing engine over the same storage, clock and SIDs.
    public init(
        storage: any Storage, time: any TimeSource = SystemTimeSource(), sids: any SidGenerator = RandomSidGenerator(),
        logger: Logger = Logger(label: "switchboard.routing")
    ) {
        self.storage = storage
        self.time = time
        self.sids = sids
        self.routing = RoutingEngine(storage: storage, time: time, sids: sids, logger: logger)
    }
}

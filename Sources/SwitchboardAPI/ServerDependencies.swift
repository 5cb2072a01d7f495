public import SwitchboardCore
public import SwitchboardStorage

/// The outside things the API depends on, injected so tests can substitute time and identifiers.
public struct ServerDependencies: Sendable {
    /// Where state lives.
    public var storage: any Storage
    /// Where "now" comes from.
    public var time: any TimeSource
    /// Where new SIDs come from.
    public var sids: any SidGenerator

    /// Creates the dependencies.
    public init(storage: any Storage, time: any TimeSource = SystemTimeSource(), sids: any SidGenerator = RandomSidGenerator()) {
        self.storage = storage
        self.time = time
        self.sids = sids
    }
}

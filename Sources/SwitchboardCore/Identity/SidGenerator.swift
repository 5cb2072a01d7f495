/// Makes new SIDs; injected so tests can predict them.
public protocol SidGenerator: Sendable {
    /// A new SID with the given prefix.
    func make(_ prefix: SidPrefix) -> String
}

/// Random SIDs from the system's secure random source.
public struct RandomSidGenerator: SidGenerator {
    /// Creates the generator.
    public init() {}

    /// A new random SID.
    public func make(_ prefix: SidPrefix) -> String {
        prefix.rawValue + RandomHex.make(count: Sid.hexLength)
    }
}

public import SwitchboardStorage

/// Where an agent's event stream is in both of its sources, as its frames' `id:` carries it and a client that
/// reconnects sends it back in `Last-Event-ID`: `<events transaction>.<events seq>.<messages transaction>.<messages seq>`.
public struct AgentEventCursor: Sendable, Equatable, CustomStringConvertible {
    /// The last TaskRouter event passed.
    public var events: FeedPosition
    /// The last conversation message change passed.
    public var messages: FeedPosition

    /// Creates a cursor.
    public init(events: FeedPosition, messages: FeedPosition) {
        self.events = events
        self.messages = messages
    }

    /// Reads a cursor this server wrote; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        guard let positions = FeedPosition.positions(eventID: text, count: 2) else { return nil }
        self.init(events: positions[0], messages: positions[1])
    }

    public var description: String {
        FeedPosition.eventID([events, messages])
    }
}

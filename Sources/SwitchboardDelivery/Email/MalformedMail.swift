/// A mail that cannot be read as MIME: the listener answers it with a 5xx and stores nothing of it.
public struct MalformedMail: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for the SMTP reply.
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

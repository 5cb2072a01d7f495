/// How one attempt to deliver a message or webhook ended, in the classes Twilio's retry rules tell apart.
public enum DeliveryAttemptResult: Sendable, Equatable {
    /// The server answered with this HTTP status.
    case response(status: Int)
    /// No connection was made: refused, unreachable, name not resolved, TLS handshake failed, or the connect timeout
    /// passed. Twilio's `ct` class.
    case connectFailed
    /// Connected and sent, but no complete response came in time, or the connection dropped while it was coming.
    /// Twilio's `rt` class.
    case responseTimedOut
}

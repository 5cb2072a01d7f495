/// The typed parameters of a Worker create or update; `nil` means the parameter was not sent.
public struct WorkerChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `Attributes`, the JSON text.
    public var attributes: String?
    /// `ActivitySid`.
    public var activitySid: String?
    /// `RejectPendingReservations`, an update parameter only.
    public var rejectPendingReservations: Bool?

    /// No changes.
    public init() {}
}

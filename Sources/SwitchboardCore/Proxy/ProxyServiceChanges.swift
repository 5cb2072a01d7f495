/// The parameters of a Proxy Service create or update; `nil` leaves a setting as it is.
public struct ProxyServiceChanges: Sendable, Equatable {
    /// `UniqueName`.
    public var uniqueName: String?
    /// `DefaultTtl`.
    public var defaultTtl: Int?
    /// `CallbackUrl`.
    public var callbackUrl: String?
    /// `OutOfSessionCallbackUrl`.
    public var outOfSessionCallbackUrl: String?
    /// `InterceptCallbackUrl`.
    public var interceptCallbackUrl: String?
    /// `ChatInstanceSid`.
    public var chatInstanceSid: String?
    /// `GeoMatchLevel`.
    public var geoMatchLevel: String?
    /// `NumberSelectionBehavior`.
    public var numberSelectionBehavior: String?

    /// No changes.
    public init() {}
}

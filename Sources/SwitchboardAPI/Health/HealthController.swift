public import Hummingbird

/// `GET /health`: answers 200 without credentials once the server is serving, which is after migrations ran.
public struct HealthController: Sendable {
    /// Creates the controller.
    public init() {}

    /// The route.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("health") { _, _ in JSONResponse.make(.object([("status", .string("ok"))])) }
        return routes
    }
}

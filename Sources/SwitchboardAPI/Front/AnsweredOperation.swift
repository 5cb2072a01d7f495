public import Hummingbird
import HTTPTypes
import SwitchboardDelivery

/// One operation the server answers: a method on a route path, as the coverage table counts it.
public struct AnsweredOperation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The HTTP method, such as `POST`.
    public var method: String
    /// The route path, with each parameter as `{name}`, such as `/chat/v2/Services/{serviceSid}/Users`.
    public var path: String

    /// `METHOD /path`.
    public var description: String { "\(method) \(path)" }

    /// Ordered by path, then method, so listings read resource by resource.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }

    /// Every operation the server built from `configuration` and `dependencies` answers. Leaves out what is not an
    /// operation of its own: HEAD, which the router derives from GET, and the 405s that refuse a known path's other
    /// methods. Throws when two routes clash, which a debug build would otherwise only report by trapping at start.
    public static func all(
        configuration: ServerConfiguration = ServerConfiguration(), dependencies: ServerDependencies
    ) throws -> [AnsweredOperation] {
        let methods = RouteMethodTable()
        // Routes do not depend on which providers are built in, only on there being a directory of them.
        let senders = SenderDirectory([], secretBox: dependencies.secretBox, baseURL: configuration.switchboardBaseURL)
        let router = buildRouter(configuration: configuration, dependencies: dependencies, senders: senders, methods: methods)
        try router.validate()
        let refused = Set(methods.refusals.map { AnsweredOperation(method: $0.method.rawValue, path: Self.path($0.path)) })
        let answered = router.routes
            .filter { $0.method != .head }
            .map { AnsweredOperation(method: $0.method.rawValue, path: Self.path($0.path)) }
        return Set(answered).subtracting(refused).sorted()
    }

    /// The path in OpenAPI's spelling, which is also Hummingbird's description of a parameter: `{name}`.
    static func path(_ path: RouterPath) -> String {
        "/" + path.components.map(\.description).joined(separator: "/")
    }
}

import HTTPTypes
public import Hummingbird
import Synchronization
import SwitchboardCore

/// Route registration that remembers which methods each path answers, so that the other methods on a known path
/// can answer 405 (20004) as Twilio's do, instead of the router's 404 for an unknown path.
struct RouteMethods<Base: RouterMethods>: RouterMethods {
    typealias Context = Base.Context
    let base: Base
    let table: RouteMethodTable

    @discardableResult func on<Responder: HTTPResponder>(
        _ path: RouterPath, method: HTTPRequest.Method, responder: Responder
    ) -> Self where Responder.Context == Context {
        base.on(path, method: method, responder: responder)
        table.record(path, method)
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        base.add(middleware: middleware)
        return self
    }
}

/// The methods registered for each route path, in the order paths were first seen.
final class RouteMethodTable: Sendable {
    /// The methods a Twilio route can answer to; the rest of HTTP's methods are not Twilio's business.
    static let answerable: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete]

    private let entries = Mutex<[(path: RouterPath, methods: Set<HTTPRequest.Method>)]>([])

    func record(_ path: RouterPath, _ method: HTTPRequest.Method) {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.path.description == path.description }) {
                entries[index].methods.insert(method)
            } else {
                entries.append((path, [method]))
            }
        }
    }

    /// Registers, on `router`, a 405 for every answerable method a recorded path lacks. HEAD counts as present
    /// wherever GET is, since the router generates it.
    func refuseOtherMethods<Router: RouterMethods>(on router: Router) {
        for (path, method) in refusals {
            router.on(path, method: method) { _, _ -> Response in throw TwilioError.methodNotAllowed(method.rawValue) }
        }
    }

    /// The path and method pairs that only answer 405: what ``refuseOtherMethods(on:)`` registers.
    var refusals: [(path: RouterPath, method: HTTPRequest.Method)] {
        entries.withLock { $0 }.flatMap { path, methods in
            let present = methods.contains(.get) ? methods.union([.head]) : methods
            return Self.answerable.filter { !present.contains($0) }.map { (path, $0) }
        }
    }
}

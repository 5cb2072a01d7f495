public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Services/{ServiceSid}/Bindings` and `/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings` on `chat`.
///
/// A push binding is created only by a client SDK registering its device for push notifications, which
/// Switchboard does not offer, so no binding can exist: the lists answer Twilio's empty page (their `BindingType`
/// and `Identity` filters accepted and checked), and fetching or deleting a binding answers 20404. The same rule
/// answers at Conversations' `/v1/Services/{ChatServiceSid}/Bindings` (see `ConversationBindingController`).
public struct ChatBindingController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v2`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Services/:serviceSid/Bindings", use: list)
        routes.get("Services/:serviceSid/Bindings/:sid", use: binding)
        routes.delete("Services/:serviceSid/Bindings/:sid", use: binding)
        // `{UserSid}` is `:sid`, as on the user's own routes, so the router sees one parameter name at that depth.
        routes.get("Services/:serviceSid/Users/:sid/Bindings", use: listOfUser)
        routes.get("Services/:serviceSid/Users/:sid/Bindings/:bindingSid", use: bindingOfUser)
        routes.delete("Services/:serviceSid/Users/:sid/Bindings/:bindingSid", use: bindingOfUser)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let filters = try Self.filters(request, identities: true)
        let service = try await dependencies.storage.read { try await ChatScope.service(context, session: $0) }
        return JSONResponse.make(Self.emptyPage(page, listURL: ChatScope.serviceURL(service.sid, baseURL: context.domainBaseURL) + "/Bindings",
                                                filters: filters))
    }

    /// Fetch and delete alike: the service must be the account's, and no binding is ever found in it.
    @Sendable func binding(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        _ = try await dependencies.storage.read { try await ChatScope.service(context, session: $0) }
        throw context.notFound
    }

    @Sendable func listOfUser(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let filters = try Self.filters(request, identities: false)
        let user = try await dependencies.storage.read { try await ChatScope.user(context, session: $0, parameter: "sid") }
        let listURL = ChatScope.serviceURL(user.serviceSid, baseURL: context.domainBaseURL) + "/Users/" + user.sid + "/Bindings"
        return JSONResponse.make(Self.emptyPage(page, listURL: listURL, filters: filters))
    }

    /// Fetch and delete alike, under a user that must exist.
    @Sendable func bindingOfUser(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        _ = try await dependencies.storage.read { try await ChatScope.user(context, session: $0, parameter: "sid") }
        throw context.notFound
    }

    /// The `BindingType` (and, where the list takes it, `Identity`) filters, each repeatable, echoed in the page links.
    static func filters(_ request: Request, identities: Bool, types: [String] = ["gcm", "apn", "fcm"]) throws(TwilioError) -> [(String, String)] {
        let query = try request.queryParameters()
        var filters: [(String, String)] = []
        for type in query.strings("BindingType") {
            guard types.contains(type) else { throw .invalidParameter("BindingType must be one of \(types.joined(separator: ", ")); got '\(type)'") }
            filters.append(("BindingType", type))
        }
        if identities { filters += query.strings("Identity").map { ("Identity", $0) } }
        return filters
    }

    /// Twilio's page of a binding list, which never has a binding in it.
    static func emptyPage(_ page: PageRequest, listURL: String, filters: [(String, String)]) -> JSONValue {
        ListEnvelope.v1(key: "bindings", page: Page<JSONValue>(items: [], next: nil, previous: nil), request: page, listURL: listURL,
                        filters: filters) { $0 }
    }
}

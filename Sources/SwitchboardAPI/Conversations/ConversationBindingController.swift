public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Services/{ChatServiceSid}/Bindings` on `conversations`.
///
/// A push binding is created only by a client SDK registering its device for push notifications, which
/// Switchboard does not offer, so no binding can exist: the list answers Twilio's empty page (its `BindingType` and
/// `Identity` filters accepted and checked), and fetching or deleting a binding answers 20404, as Chat's do
/// (see ``ChatBindingController``).
public struct ConversationBindingController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        let prefix = "Services/:\(ConversationServiceScope.parameter)/Bindings"
        routes.get(RouterPath(prefix), use: list)
        routes.get(RouterPath(prefix + "/:sid"), use: binding)
        routes.delete(RouterPath(prefix + "/:sid"), use: binding)
        return routes
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let filters = try ChatBindingController.filters(request, identities: true, types: ["apn", "gcm", "fcm", "twilsock"])
        let service = try await dependencies.storage.read {
            try await ChatScope.service(context, session: $0, parameter: ConversationServiceScope.parameter)
        }
        let listURL = ConversationServiceScope.serviceURL(service.sid, baseURL: context.domainBaseURL) + "/Bindings"
        return JSONResponse.make(ChatBindingController.emptyPage(page, listURL: listURL, filters: filters))
    }

    /// Fetch and delete alike: the service must be the account's, and no binding is ever found in it.
    @Sendable func binding(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        _ = try await dependencies.storage.read {
            try await ChatScope.service(context, session: $0, parameter: ConversationServiceScope.parameter)
        }
        throw context.notFound
    }
}

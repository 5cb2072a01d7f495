public import Hummingbird
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// `/v1/Messages` on `sandbox`: what reached a simulated customer's handset, and a customer sending a message,
/// which enters through the same inbound path as a provider's.
public struct SandboxMessageController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Messages", use: list)
        routes.post("Messages", use: send)
        return routes
    }

    /// The messages of the handset at `Address`, oldest first, as a conversation reads; without `Address`, every
    /// handset's messages of the account, newest first, as a log reads. Up to 1000 a page unless `PageSize` says
    /// otherwise.
    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let query = try request.queryParameters()
        let page = try PageRequest.parse(pageSize: query.string("PageSize") ?? String(PageRequest.maximumSize),
                                         page: query.string("Page"), pageToken: query.string("PageToken"))
        let address = query.string("Address").flatMap { $0.isEmpty ? nil : DeliveryAddress.normalisedOrVerbatim($0) }
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { session in
            if let address { return try await session.sandbox.deliveries(accountSid: accountSid, address: address, page: page) }
            return try await session.sandbox.deliveries(accountSid: accountSid, page: page)
        }
        return JSONResponse.make(ListEnvelope.v1(
            key: "messages", page: rows, request: page, listURL: context.domainBaseURL + "/v1/Messages",
            filters: address.map { [("Address", $0)] } ?? []
        ) { SandboxRepresentation.json($0) })
    }

    /// A customer's message: `Channel`, `From` (the customer), `To` (the contact center) and `Body`.
    @Sendable func send(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let inbound = try dependencies.sandbox.inboundMessage(from: ProviderRequest(parameters: form.pairs.map { FormPair($0.0, $0.1) }))
        let message = try await dependencies.inbound.receive(inbound, accountSid: accountSid)
        return JSONResponse.make(SandboxRepresentation.json(inbound: message), status: .created)
    }
}

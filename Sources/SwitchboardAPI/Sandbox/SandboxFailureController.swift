public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Failures` on `sandbox`: addresses whose deliveries fail, so `failed` and `undelivered` can be exercised.
public struct SandboxFailureController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Failures", use: create)
        routes.get("Failures", use: list)
        routes.delete("Failures", use: delete)
        return routes
    }

    /// `Address`, `Status` (`undelivered`, the default, or `failed`) and `ErrorCode`; replaces the address's rule.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        guard let raw = form.string("Address"), !raw.isEmpty else { throw TwilioError.missingParameter("Address") }
        let address = try DeliveryAddress(raw).value
        let statusName = form.string("Status") ?? MessageStatus.undelivered.rawValue
        guard let status = MessageStatus(rawValue: statusName), SandboxFailureRule.statuses.contains(status) else {
            throw TwilioError.invalidParameter("Status must be failed or undelivered; got '\(statusName)'")
        }
        let rule = SandboxFailureRule(
            accountSid: accountSid, address: address, status: status,
            errorCode: try form.int("ErrorCode") ?? SandboxFailureRule.defaultErrorCode(for: status), dateCreated: dependencies.time.now())
        try await dependencies.storage.write { try await $0.sandbox.saveFailureRule(rule) }
        return JSONResponse.make(SandboxRepresentation.json(rule), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let rules = try await dependencies.storage.read { try await $0.sandbox.failureRules(accountSid: accountSid) }
        return JSONResponse.make(.object([("failures", .array(rules.map(SandboxRepresentation.json)))]))
    }

    /// `?Address=…`: deliveries to it succeed again.
    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        guard let raw = try request.queryParameters().string("Address"), !raw.isEmpty else {
            throw TwilioError.invalidParameter("Missing required parameter Address")
        }
        let address = DeliveryAddress.normalisedOrVerbatim(raw)
        guard try await dependencies.storage.write({ try await $0.sandbox.deleteFailureRule(accountSid: accountSid, address: address) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }
}

import SwitchboardStorage
public import Hummingbird
import SwitchboardCore

/// `/2010-04-01/Accounts` on `api`: subaccounts are created, fetched, listed and updated here.
public struct AccountController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/2010-04-01`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Accounts.json", use: create)
        routes.get("Accounts.json", use: list)
        routes.get("Accounts/:accountSid", use: fetch)
        routes.post("Accounts/:accountSid", use: update)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let principal = try context.requirePrincipal()
        try AccountAccess.requireAccountCredentials(principal)
        guard !principal.account.isSubaccount else {
            throw TwilioError.forbidden("A subaccount cannot create subaccounts")
        }
        let now = dependencies.time.now()
        let account = Account(
            sid: dependencies.sids.make(.account),
            ownerAccountSid: principal.account.sid,
            friendlyName: form.string("FriendlyName") ?? AccountRules.defaultSubaccountName(createdAt: WireDate.iso8601(now)),
            status: .active,
            type: principal.account.type,
            authToken: Secrets.makeAuthToken(),
            dateCreated: now,
            dateUpdated: now
        )
        try await dependencies.storage.write { try await $0.accounts.insert(account) }
        return JSONResponse.make(AccountRepresentation.json(account), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("accountSid")
        let principal = try context.requirePrincipal()
        try AccountAccess.requireAccountCredentials(principal)
        guard let account = try await dependencies.storage.read({ try await AccountAccess.account(sid, principal: principal, session: $0) }) else {
            throw context.notFound
        }
        return JSONResponse.make(AccountRepresentation.json(account))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let friendlyName = query.string("FriendlyName")
        let status = try query.string("Status").map { raw throws(TwilioError) in
            guard let status = AccountStatus(rawValue: raw) else { throw .invalidParameter("Status must be one of active, suspended, closed") }
            return status
        }
        let principal = try context.requirePrincipal()
        try AccountAccess.requireAccountCredentials(principal)
        let rows = try await dependencies.storage.read {
            try await $0.accounts.list(visibleTo: principal.account.sid, friendlyName: friendlyName, status: status, page: page)
        }
        var filters: [(String, String)] = []
        if let friendlyName { filters.append(("FriendlyName", friendlyName)) }
        if let status { filters.append(("Status", status.rawValue)) }
        return JSONResponse.make(ListEnvelope.v2010(
            key: "accounts", page: rows, request: page, listURI: "/2010-04-01/Accounts.json", filters: filters,
            render: AccountRepresentation.json))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let sid = try context.parameters.require("accountSid")
        let form = try await request.formParameters(context: context)
        let principal = try context.requirePrincipal()
        try AccountAccess.requireAccountCredentials(principal)
        let now = dependencies.time.now()
        let notFound = context.notFound
        let account = try await dependencies.storage.write { session in
            guard var account = try await AccountAccess.account(sid, principal: principal, session: session) else { throw notFound }
            let original = account
            if let friendlyName = form.string("FriendlyName") { account.friendlyName = friendlyName }
            if let status = form.string("Status") {
                account.status = try AccountRules.newStatus(from: account.status, requested: status, requestedBy: principal.account.sid, account: account)
            }
            if account != original {
                account.dateUpdated = now
                try await session.accounts.update(account)
            }
            return account
        }
        return JSONResponse.make(AccountRepresentation.json(account))
    }
}

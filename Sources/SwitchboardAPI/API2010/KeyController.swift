import SwitchboardStorage
public import Hummingbird
import SwitchboardCore

/// `/2010-04-01/Accounts/{AccountSid}/Keys` on `api`: API keys, whose secret is shown once.
public struct KeyController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/2010-04-01`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Accounts/:accountSid/Keys.json", use: create)
        routes.get("Accounts/:accountSid/Keys.json", use: list)
        routes.get("Accounts/:accountSid/Keys/:sid", use: fetch)
        routes.post("Accounts/:accountSid/Keys/:sid", use: update)
        routes.delete("Accounts/:accountSid/Keys/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let account = try await owningAccount(context)
        let now = dependencies.time.now()
        let secret = Secrets.makeApiKeySecret()
        let key = ApiKey(
            sid: dependencies.sids.make(.apiKey), accountSid: account.sid, friendlyName: form.string("FriendlyName") ?? "",
            secretDigest: Secrets.digest(secret), sealedSecret: dependencies.secretBox.seal(secret), dateCreated: now, dateUpdated: now)
        try await dependencies.storage.write { try await $0.apiKeys.insert(key) }
        return JSONResponse.make(KeyRepresentation.json(key, secret: secret), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let account = try await owningAccount(context)
        let rows = try await dependencies.storage.read { try await $0.apiKeys.list(accountSid: account.sid, page: page) }
        return JSONResponse.make(ListEnvelope.v2010(
            key: "keys", page: rows, request: page, listURI: "/2010-04-01/Accounts/\(account.sid)/Keys.json", filters: []
        ) { KeyRepresentation.json($0) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await owningAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        guard let key = try await dependencies.storage.read({ try await $0.apiKeys.find(sid: sid, accountSid: account.sid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(KeyRepresentation.json(key))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let account = try await owningAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        let now = dependencies.time.now()
        let notFound = context.notFound
        let key = try await dependencies.storage.write { session in
            guard var key = try await session.apiKeys.find(sid: sid, accountSid: account.sid) else { throw notFound }
            if let friendlyName = form.string("FriendlyName"), friendlyName != key.friendlyName {
                key.friendlyName = friendlyName
                key.dateUpdated = now
                try await session.apiKeys.update(key)
            }
            return key
        }
        return JSONResponse.make(KeyRepresentation.json(key))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await owningAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        guard try await dependencies.storage.write({ try await $0.apiKeys.delete(sid: sid, accountSid: account.sid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    /// The account named in the path, if the caller may manage its keys.
    func owningAccount(_ context: SwitchboardRequestContext) async throws -> Account {
        try AccountAccess.requireAccountCredentials(try context.requirePrincipal())
        return try await AccountAccess.pathAccount(context, storage: dependencies.storage)
    }
}

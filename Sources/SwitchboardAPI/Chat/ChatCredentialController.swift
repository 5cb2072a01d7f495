public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v2/Credentials` on `chat`: the account's push credentials (create, fetch, list, update, delete). The same
/// credentials answer at Conversations' `/v1/Credentials`. `Certificate`, `PrivateKey`, `ApiKey` and `Secret` are
/// write-only: sealed with the server's `SecretBox` before they are stored, and never answered or logged.
public struct ChatCredentialController: Sendable {
    let dependencies: ServerDependencies
    let version: String
    let updateTakesType: Bool

    /// Creates the controller for the API whose paths start with `version` (`/v2` on Chat, `/v1` on Conversations);
    /// Chat's update takes no `Type`, Conversations' does.
    public init(dependencies: ServerDependencies, version: String = "/v2", updateTakesType: Bool = false) {
        self.dependencies = dependencies
        self.version = version
        self.updateTakesType = updateTakesType
    }

    /// The routes, relative to the version.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Credentials", use: create)
        routes.get("Credentials", use: list)
        routes.get("Credentials/:sid", use: fetch)
        routes.post("Credentials/:sid", use: update)
        routes.delete("Credentials/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context), allowsType: true)
        let accountSid = try context.requirePrincipal().account.sid
        let box = dependencies.secretBox
        let credential = try PushCredentialRules.credential(changes, sid: dependencies.sids.make(.pushCredential), accountSid: accountSid,
                                                            seal: box.seal, now: dependencies.time.now())
        try await dependencies.storage.write { try await $0.pushCredentials.insert(credential) }
        return JSONResponse.make(PushCredentialRepresentation.json(credential, url: url(context, credential.sid)), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let credential = try await dependencies.storage.read { try await Self.credential(context, session: $0) }
        return JSONResponse.make(PushCredentialRepresentation.json(credential, url: url(context, credential.sid)))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.pushCredentials.list(accountSid: accountSid, page: page) }
        let listURL = context.domainBaseURL + version + "/Credentials"
        return JSONResponse.make(ListEnvelope.v1(key: "credentials", page: rows, request: page, listURL: listURL, filters: []) {
            PushCredentialRepresentation.json($0, url: listURL + "/" + $0.sid)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = try Self.changes(from: try await request.formParameters(context: context), allowsType: updateTakesType)
        let (box, now) = (dependencies.secretBox, dependencies.time.now())
        let credential = try await dependencies.storage.write { session in
            let updated = try PushCredentialRules.apply(changes, to: try await Self.credential(context, session: session), seal: box.seal, now: now)
            try await session.pushCredentials.update(updated)
            return updated
        }
        return JSONResponse.make(PushCredentialRepresentation.json(credential, url: url(context, credential.sid)))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.pushCredentials.delete(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    func url(_ context: SwitchboardRequestContext, _ sid: String) -> String {
        context.domainBaseURL + version + "/Credentials/" + sid
    }

    static func credential(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> PushCredential {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let credential = try await session.pushCredentials.find(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return credential
    }

    static func changes(from form: FormParameters, allowsType: Bool) throws(TwilioError) -> PushCredentialChanges {
        var changes = PushCredentialChanges()
        if allowsType { changes.type = form.string("Type") }
        changes.friendlyName = form.string("FriendlyName")
        changes.certificate = form.string("Certificate")
        changes.privateKey = form.string("PrivateKey")
        changes.sandbox = try form.bool("Sandbox")
        changes.apiKey = form.string("ApiKey")
        changes.secret = form.string("Secret")
        return changes
    }
}

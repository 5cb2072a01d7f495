public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Senders` on `switchboard`: the addresses the account sends from and receives on through a provider
/// (create, fetch, list, update, delete). Secret settings are write-only: sealed with the server's `SecretBox`
/// before they are stored, and never answered or logged.
public struct SenderController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Senders", use: create)
        routes.get("Senders", use: list)
        routes.get("Senders/:sid", use: fetch)
        routes.post("Senders/:sid", use: update)
        routes.delete("Senders/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = Self.changes(from: try await request.formParameters(context: context))
        let accountSid = try context.requirePrincipal().account.sid
        let box = dependencies.secretBox
        let sender = try SenderRules.sender(changes, sid: dependencies.sids.make(.sender), accountSid: accountSid, seal: box.seal,
                                            now: dependencies.time.now())
        do {
            try await dependencies.storage.write { session in
                guard try await session.senders.find(address: sender.address, accountSid: accountSid) == nil else {
                    throw SenderRules.addressTaken(sender.address)
                }
                try await session.senders.insert(sender)
            }
        } catch let error as TwilioError {
            throw error
        } catch {
            // Two creates for one address at once: the unique index turns the later one away after the check.
            let address = sender.address
            if try await dependencies.storage.read({ try await $0.senders.find(address: address, accountSid: accountSid) }) != nil {
                throw SenderRules.addressTaken(address)
            }
            throw error
        }
        return JSONResponse.make(SenderRepresentation.json(sender, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sender = try await dependencies.storage.read { try await Self.sender(context, session: $0) }
        return JSONResponse.make(SenderRepresentation.json(sender, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let accountSid = try context.requirePrincipal().account.sid
        let rows = try await dependencies.storage.read { try await $0.senders.list(accountSid: accountSid, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(key: "senders", page: rows, request: page, listURL: baseURL + "/v1/Senders", filters: []) {
            SenderRepresentation.json($0, baseURL: baseURL)
        })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let changes = Self.changes(from: try await request.formParameters(context: context))
        let (box, now) = (dependencies.secretBox, dependencies.time.now())
        let sender = try await dependencies.storage.write { session in
            let current = try await Self.sender(context, session: session)
            let updated = try SenderRules.apply(changes, to: current, seal: box.seal, now: now)
            if updated.address != current.address,
               try await session.senders.find(address: updated.address, accountSid: updated.accountSid) != nil {
                throw SenderRules.addressTaken(updated.address)
            }
            try await session.senders.update(updated)
            return updated
        }
        return JSONResponse.make(SenderRepresentation.json(sender, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard try await dependencies.storage.write({ try await $0.senders.delete(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    static func sender(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> Sender {
        let sid = try context.parameters.require("sid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let sender = try await session.senders.find(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return sender
    }

    static func changes(from form: FormParameters) -> SenderChanges {
        var changes = SenderChanges()
        changes.address = form.string("Address")
        changes.channel = form.string("Channel")
        changes.connector = form.string("Connector")
        changes.friendlyName = form.string("FriendlyName")
        changes.messagesPerSecond = form.string("MessagesPerSecond")
        changes.settings = form.string("Settings")
        return changes
    }
}

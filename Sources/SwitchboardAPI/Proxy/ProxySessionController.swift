public import Hummingbird
import Foundation
import SwitchboardCore
import SwitchboardStorage
import SwitchboardProxy

/// `/v1/Services/{ServiceSid}/Sessions` on `proxy`: create (with up to two `Participants`), fetch, list, update
/// (`Ttl`, `DateExpiry`, `Status`), delete.
public struct ProxySessionController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/Sessions", use: create)
        routes.get("Services/:serviceSid/Sessions", use: list)
        routes.get("Services/:serviceSid/Sessions/:sessionSid", use: fetch)
        routes.post("Services/:serviceSid/Sessions/:sessionSid", use: update)
        routes.delete("Services/:serviceSid/Sessions/:sessionSid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let participants = try ProxyRules.participantRequests(form.strings("Participants"))
        let ttl = try form.int("Ttl")
        let dateExpiry = try Self.date(form.string("DateExpiry"))
        let sid = dependencies.sids.make(.proxySession)
        let sids = dependencies.sids
        let now = dependencies.time.now()
        let session = try await dependencies.storage.write { storage in
            let service = try await ProxyScope.service(context, session: storage)
            let session = try ProxyRules.createSession(uniqueName: form.string("UniqueName"), ttl: ttl, dateExpiry: dateExpiry, mode: form.string("Mode"),
                                                       status: form.string("Status"), sid: sid, service: service, now: now)
            if let name = session.uniqueName, try await storage.proxySessions.find(uniqueName: name, serviceSid: service.sid) != nil {
                throw TwilioError(code: 80603, message: "A session with unique name \(name) already exists in this service", httpStatus: 409)
            }
            try await storage.proxySessions.insert(session)
            for participant in participants {
                _ = try await ProxyParticipants.add(participant, to: session, in: storage, sid: sids.make(.proxyParticipant), now: now)
            }
            return session
        }
        return JSONResponse.make(ProxySessionRepresentation.json(session, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let session = try await dependencies.storage.read { try await ProxyScope.session(context, session: $0) }
        return JSONResponse.make(ProxySessionRepresentation.json(session, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (service, rows) = try await dependencies.storage.read { storage in
            let service = try await ProxyScope.service(context, session: storage)
            return (service, try await storage.proxySessions.list(serviceSid: service.sid, page: page))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "sessions", page: rows, request: page, listURL: ProxyScope.serviceURL(service.sid, baseURL: baseURL) + "/Sessions", filters: []
        ) { ProxySessionRepresentation.json($0, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let ttl = try form.int("Ttl")
        let dateExpiry = try Self.date(form.string("DateExpiry"))
        let now = dependencies.time.now()
        let session = try await dependencies.storage.write { storage in
            let existing = try await ProxyScope.session(context, session: storage)
            let updated = try ProxyRules.updateSession(existing, ttl: ttl, dateExpiry: dateExpiry, status: form.string("Status"), now: now)
            try await storage.proxySessions.update(updated)
            return updated
        }
        return JSONResponse.make(ProxySessionRepresentation.json(session, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { storage in
            let session = try await ProxyScope.session(context, session: storage)
            _ = try await storage.proxySessions.delete(sid: session.sid, serviceSid: session.serviceSid)
        }
        return JSONResponse.noContent()
    }

    /// An ISO 8601 date parameter.
    static func date(_ text: String?) throws(TwilioError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = WireDate.parseISO8601(text) else { throw .invalidParameter("DateExpiry must be an ISO 8601 date; got '\(text)'") }
        return date
    }
}

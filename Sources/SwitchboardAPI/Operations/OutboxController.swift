import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Outbox` on `switchboard`: what is waiting to leave for the account, what left and when (kept for the
/// retention period), and what failed for good and why.
public struct OutboxController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Outbox", use: list)
        routes.get("Outbox/:sid", use: fetch)
        return routes
    }

    /// `Status=pending`, `delivered` or `failed` narrows the list; oldest first.
    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let accountSid = try context.requirePrincipal().account.sid
        var status: OutboxStatus?
        if let name = query.string("Status") {
            guard let named = OutboxStatus(rawValue: name) else { throw TwilioError.invalidParameter("Status must be pending, delivered or failed; got '\(name)'") }
            status = named
        }
        let rows = try await dependencies.storage.read { [status] in try await $0.outbox.list(accountSid: accountSid, status: status, page: page) }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "entries", page: rows, request: page, listURL: baseURL + "/v1/Outbox", filters: status.map { [("Status", $0.rawValue)] } ?? []
        ) { Self.json($0, baseURL: baseURL) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let accountSid = try context.requirePrincipal().account.sid
        let sid = try context.parameters.require("sid")
        guard let entry = try await dependencies.storage.read({ try await $0.outbox.find(sid: sid, accountSid: accountSid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(Self.json(entry, baseURL: context.domainBaseURL))
    }

    static func json(_ entry: OutboxEntry, baseURL: String) -> JSONValue {
        let (target, purpose): (String, String) = switch entry.work {
        case .message(let sid): (sid, "message")
        case .webhook(let call): (WebhookTarget(call.url).url, call.purpose)
        }
        return .object([
            ("sid", .string(entry.sid)),
            ("account_sid", .string(entry.accountSid)),
            ("kind", .string(entry.work.kind)),
            ("purpose", .string(purpose)),
            ("target", .string(target)),
            ("status", .string(entry.status.rawValue)),
            ("attempts", .int(entry.attempts)),
            ("last_error", .string(entry.lastError)),
            ("last_response_code", .int(entry.lastResponseCode)),
            ("first_attempt_at", .string(entry.firstAttemptAt.map { WireDate.iso8601(Date(milliseconds: $0)) })),
            ("last_attempt_at", .string(entry.lastAttemptAt.map { WireDate.iso8601(Date(milliseconds: $0)) })),
            ("date_delivered", .string(entry.status == .delivered ? entry.lastAttemptAt.map { WireDate.iso8601(Date(milliseconds: $0)) } : nil)),
            ("next_attempt_at", .string(entry.status == .pending ? WireDate.iso8601(Date(milliseconds: entry.nextAttemptAt)) : nil)),
            ("date_created", .string(WireDate.iso8601(entry.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(entry.dateUpdated))),
            ("url", .string(baseURL + "/v1/Outbox/" + entry.sid)),
        ])
    }
}

extension Date {
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

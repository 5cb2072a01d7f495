import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// What every statistics resource does around its own fields: parse the statistics parameters, read the
/// path's workspace in one session, and wrap the fields in the resource's identity.
enum StatisticsResource {
    /// Parses the request's statistics parameters, then reads the path's workspace and what `body` makes of
    /// it, in one session.
    static func read<Fields: Sendable>(
        _ request: Request, _ context: SwitchboardRequestContext, _ dependencies: ServerDependencies,
        _ body: @escaping @Sendable (StatisticsQuery, Workspace, any StorageSession) async throws -> Fields
    ) async throws -> (Workspace, Fields) {
        let query = try StatisticsQuery(try request.queryParameters(), now: dependencies.time.now())
        return try await dependencies.storage.read { session in
            let workspace = try await WorkspaceScope.workspace(context, session: session)
            return (workspace, try await body(query, workspace, session))
        }
    }

    /// A statistics resource as Twilio writes it: `account_sid`, the statistics, the SIDs of what they describe,
    /// `workspace_sid`, then `url` (the workspace's URL followed by `path`) unless it has none, as in a list.
    static func json(
        _ workspace: Workspace, _ fields: [(String, JSONValue)], sids: [(String, String)] = [], path: String?, baseURL: String
    ) -> JSONValue {
        .object([("account_sid", .string(workspace.accountSid))] + fields + sids.map { ($0.0, .string($0.1)) }
                + [("workspace_sid", .string(workspace.sid))]
                + (path.map { [("url", .string(WorkspaceScope.url(workspace.sid, baseURL: baseURL) + $0))] } ?? []))
    }

    /// The response of a statistics resource at `path` under its workspace.
    static func respond(
        _ workspace: Workspace, _ fields: [(String, JSONValue)], sids: [(String, String)] = [], path: String, context: SwitchboardRequestContext
    ) -> Response {
        JSONResponse.make(json(workspace, fields, sids: sids, path: path, baseURL: context.domainBaseURL))
    }
}

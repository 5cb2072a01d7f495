import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// Resolves the `{WorkspaceSid}` of a TaskRouter path: the workspace must belong to the caller's account,
/// and any other answers the same 20404 as a workspace that does not exist.
enum WorkspaceScope {
    static func workspace(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> Workspace {
        let sid = try context.parameters.require("workspaceSid")
        let accountSid = try context.requirePrincipal().account.sid
        guard let workspace = try await session.workspaces.find(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return workspace
    }

    /// The absolute URL of a workspace, the root of its sub-resources' URLs.
    static func url(_ workspaceSid: String, baseURL: String) -> String {
        baseURL + "/v1/Workspaces/" + workspaceSid
    }
}

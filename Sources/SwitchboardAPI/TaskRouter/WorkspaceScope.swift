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

    /// Names of the given activities of a workspace, by SID, for representations that show both.
    static func activityNames(_ sids: [String?], workspaceSid: String, session: any StorageSession) async throws -> [String: String] {
        var names: [String: String] = [:]
        for sid in Set(sids.compactMap { $0 }) {
            names[sid] = try await session.activities.find(sid: sid, workspaceSid: workspaceSid)?.friendlyName
        }
        return names
    }

    /// Refuses an activity SID that is not an activity of the workspace, naming the parameter.
    static func requireActivity(_ sid: String?, parameter: String, workspaceSid: String, session: any StorageSession) async throws {
        guard let sid, !sid.isEmpty else { return }
        guard try await session.activities.find(sid: sid, workspaceSid: workspaceSid) != nil else {
            throw TwilioError.invalidParameter("\(parameter) \(sid) is not an activity of this workspace")
        }
    }

    /// The absolute URL of a workspace, the root of its sub-resources' URLs.
    static func url(_ workspaceSid: String, baseURL: String) -> String {
        baseURL + "/v1/Workspaces/" + workspaceSid
    }
}

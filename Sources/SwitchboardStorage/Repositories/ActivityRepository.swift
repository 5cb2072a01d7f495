public import SwitchboardCore

/// The activities of workspaces.
public protocol ActivityRepository: Sendable {
    /// Stores a new activity.
    func insert(_ activity: Activity) async throws
    /// The activity with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> Activity?
    /// The activity with this name in this workspace.
    func find(friendlyName: String, workspaceSid: String) async throws -> Activity?
    /// The workspace's activities, optionally filtered.
    func list(workspaceSid: String, friendlyName: String?, available: Bool?, page: PageRequest) async throws -> Page<Activity>
    /// Saves an existing activity.
    func update(_ activity: Activity) async throws
    /// Removes the activity; `false` when the workspace has no such activity.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}

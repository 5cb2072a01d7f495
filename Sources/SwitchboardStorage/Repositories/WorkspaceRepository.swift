public import SwitchboardCore

/// TaskRouter Workspaces, each owned by one account. Deleting one deletes everything inside it.
public protocol WorkspaceRepository: Sendable {
    /// Stores a new workspace.
    func insert(_ workspace: Workspace) async throws
    /// The workspace with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> Workspace?
    /// The account's workspaces, optionally only those with this friendly name.
    func list(accountSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<Workspace>
    /// Saves an existing workspace.
    func update(_ workspace: Workspace) async throws
    /// Removes the workspace and its contents; `false` when the account has no such workspace.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

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

/// The task channels of workspaces.
public protocol TaskChannelRepository: Sendable {
    /// Stores a new task channel.
    func insert(_ channel: TaskChannel) async throws
    /// The channel with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskChannel?
    /// The channel with this unique name in this workspace.
    func find(uniqueName: String, workspaceSid: String) async throws -> TaskChannel?
    /// The workspace's channels.
    func list(workspaceSid: String, page: PageRequest) async throws -> Page<TaskChannel>
    /// Saves an existing channel.
    func update(_ channel: TaskChannel) async throws
    /// Removes the channel; `false` when the workspace has no such channel.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}

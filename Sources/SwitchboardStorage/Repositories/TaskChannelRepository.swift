public import SwitchboardCore

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

extension TaskChannelRepository {
    /// The channel named by its `TC…` SID or, as Twilio allows wherever a task channel is named, its unique name.
    public func find(sidOrUniqueName key: String, workspaceSid: String) async throws -> TaskChannel? {
        Sid.isValid(key, prefix: .taskChannel)
            ? try await find(sid: key, workspaceSid: workspaceSid)
            : try await find(uniqueName: key, workspaceSid: workspaceSid)
    }
}

public import SwitchboardCore

/// Roles of Chat (and Conversations) services.
public protocol ChatRoleRepository: Sendable {
    /// Stores a new role.
    func insert(_ role: ChatRole) async throws
    /// The role with this SID in the service.
    func find(sid: String, serviceSid: String) async throws -> ChatRole?
    /// The service's roles, oldest first.
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ChatRole>
    /// Saves a changed role.
    func update(_ role: ChatRole) async throws
    /// Removes the role; `false` when the service has no such role.
    func delete(sid: String, serviceSid: String) async throws -> Bool
}

public import SwitchboardCore

/// Programmable Chat Users, each in one service.
public protocol ChatUserRepository: Sendable {
    /// Stores a new user.
    func insert(_ user: ChatUser) async throws
    /// The user with this SID in the service.
    func find(sid: String, serviceSid: String) async throws -> ChatUser?
    /// The user with this identity in the service.
    func find(identity: String, serviceSid: String) async throws -> ChatUser?
    /// The service's users.
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ChatUser>
    /// Saves an existing user.
    func update(_ user: ChatUser) async throws
    /// Removes the user; `false` when the service has no such user.
    func delete(sid: String, serviceSid: String) async throws -> Bool
}

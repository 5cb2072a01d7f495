public import SwitchboardCore

/// Programmable Chat Services, each owned by one account.
public protocol ChatServiceRepository: Sendable {
    /// Stores a new service.
    func insert(_ service: ChatService) async throws
    /// The service with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> ChatService?
    /// The account's services.
    func list(accountSid: String, page: PageRequest) async throws -> Page<ChatService>
    /// Holds the service's row until the transaction ends, so writers that set up its default roles take turns.
    func lock(sid: String) async throws
    /// Saves an existing service.
    func update(_ service: ChatService) async throws
    /// Removes the service with its users, channels and everything in them; `false` when the account has no such service.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

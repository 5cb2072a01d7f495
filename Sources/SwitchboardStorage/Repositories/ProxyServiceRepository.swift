public import SwitchboardCore

/// Proxy Services, each owned by one account.
public protocol ProxyServiceRepository: Sendable {
    /// Stores a new service.
    func insert(_ service: ProxyService) async throws
    /// The service with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> ProxyService?
    /// The account's service with this unique name.
    func find(uniqueName: String, accountSid: String) async throws -> ProxyService?
    /// The account's services.
    func list(accountSid: String, page: PageRequest) async throws -> Page<ProxyService>
    /// Saves an existing service.
    func update(_ service: ProxyService) async throws
    /// Removes the service with its number pool and its sessions with everything in them; `false` when the account
    /// has no such service.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

public import SwitchboardCore

/// API keys, each owned by one account.
public protocol ApiKeyRepository: Sendable {
    /// Stores a new key.
    func insert(_ key: ApiKey) async throws
    /// The key with this SID, whatever its account: used to authenticate.
    func find(sid: String) async throws -> ApiKey?
    /// The key with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> ApiKey?
    /// The account's keys.
    func list(accountSid: String, page: PageRequest) async throws -> Page<ApiKey>
    /// Saves the changed fields of an existing key.
    func update(_ key: ApiKey) async throws
    /// Removes the key; `false` when the account has no such key.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

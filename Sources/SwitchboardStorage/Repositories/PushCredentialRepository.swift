public import SwitchboardCore

/// Push-notification credentials, each owned by one account.
public protocol PushCredentialRepository: Sendable {
    /// Stores a new credential.
    func insert(_ credential: PushCredential) async throws
    /// The credential with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> PushCredential?
    /// The account's credentials, oldest first.
    func list(accountSid: String, page: PageRequest) async throws -> Page<PushCredential>
    /// Saves a changed credential.
    func update(_ credential: PushCredential) async throws
    /// Removes the credential; `false` when the account has no such credential.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

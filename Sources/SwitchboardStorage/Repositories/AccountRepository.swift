public import SwitchboardCore

/// Accounts and their subaccounts.
public protocol AccountRepository: Sendable {
    /// Stores a new account.
    func insert(_ account: Account) async throws
    /// The account with this SID, if any.
    func find(sid: String) async throws -> Account?
    /// The account itself and the subaccounts it owns, optionally filtered.
    func list(visibleTo ownerSid: String, friendlyName: String?, status: AccountStatus?, page: PageRequest) async throws -> Page<Account>
    /// Saves the changed fields of an existing account.
    func update(_ account: Account) async throws
    /// How many accounts exist.
    func count() async throws -> Int
}

public import SwitchboardCore

/// Accounts whose updates are announced. A new account needs no notice: caches keep only rows they found.
struct ChangeNoticingAccounts: AccountRepository {
    let base: any AccountRepository
    let announcer: ChangeAnnouncer

    func insert(_ account: Account) async throws { try await base.insert(account) }
    func find(sid: String) async throws -> Account? { try await base.find(sid: sid) }
    func list(visibleTo ownerSid: String, friendlyName: String?, status: AccountStatus?, page: PageRequest) async throws -> Page<Account> {
        try await base.list(visibleTo: ownerSid, friendlyName: friendlyName, status: status, page: page)
    }
    func count() async throws -> Int { try await base.count() }

    func update(_ account: Account) async throws {
        try await base.update(account)
        try await announcer.announce(ChangeNotice(topic: .account, key: account.sid))
    }
}

/// API keys whose updates and deletions are announced.
struct ChangeNoticingApiKeys: ApiKeyRepository {
    let base: any ApiKeyRepository
    let announcer: ChangeAnnouncer

    func insert(_ key: ApiKey) async throws { try await base.insert(key) }
    func find(sid: String) async throws -> ApiKey? { try await base.find(sid: sid) }
    func find(sid: String, accountSid: String) async throws -> ApiKey? { try await base.find(sid: sid, accountSid: accountSid) }
    func list(accountSid: String, page: PageRequest) async throws -> Page<ApiKey> { try await base.list(accountSid: accountSid, page: page) }

    func update(_ key: ApiKey) async throws {
        try await base.update(key)
        try await announcer.announce(ChangeNotice(topic: .apiKey, key: key.sid))
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        let deleted = try await base.delete(sid: sid, accountSid: accountSid)
        if deleted { try await announcer.announce(ChangeNotice(topic: .apiKey, key: sid)) }
        return deleted
    }
}

/// Announces the writes of accounts and API keys; every other repository is left alone.
struct ChangeNoticing: SessionDecoration {
    let announcer: ChangeAnnouncer

    func decorate<Repository>(_ repository: Repository) -> Repository {
        if Repository.self == (any AccountRepository).self, let accounts = repository as? any AccountRepository {
            return ChangeNoticingAccounts(base: accounts, announcer: announcer) as! Repository
        }
        if Repository.self == (any ApiKeyRepository).self, let keys = repository as? any ApiKeyRepository {
            return ChangeNoticingApiKeys(base: keys, announcer: announcer) as! Repository
        }
        return repository
    }
}

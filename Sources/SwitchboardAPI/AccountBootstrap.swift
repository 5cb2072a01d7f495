import SwitchboardStorage
public import SwitchboardCore

/// Makes sure a first account exists, so a new installation can be used at once.
public enum AccountBootstrap {
    /// What the bootstrap did.
    public enum Outcome: Sendable, Equatable {
        /// The configured account exists, created now or before, with the configured token.
        case configured(sid: String)
        /// The database was empty and this account was just created; its token must be shown once.
        case created(Account)
        /// Accounts already exist and none was configured; nothing was done.
        case existing
    }

    /// Configuration that cannot be used.
    public struct InvalidConfiguration: Error, CustomStringConvertible {
        /// What is wrong.
        public let description: String
    }

    /// Ensures the configured account (`SWITCHBOARD_ACCOUNT_SID` and `SWITCHBOARD_AUTH_TOKEN`) exists, or
    /// creates a first account when none is configured and the database has none.
    public static func run(accountSid: String?, authToken: String?, dependencies: ServerDependencies) async throws -> Outcome {
        let now = dependencies.time.now()
        switch (accountSid, authToken) {
        case (let sid?, let token?):
            guard Sid.isValid(sid, prefix: .account) else {
                throw InvalidConfiguration(description: "SWITCHBOARD_ACCOUNT_SID must be AC followed by 32 hex digits")
            }
            guard !token.isEmpty else { throw InvalidConfiguration(description: "SWITCHBOARD_AUTH_TOKEN must not be empty") }
            try await dependencies.storage.write { session in
                if var account = try await session.accounts.find(sid: sid) {
                    // The environment is the source of truth for the bootstrap account's token.
                    guard account.authToken != token else { return }
                    account.authToken = token
                    account.dateUpdated = now
                    try await session.accounts.update(account)
                } else {
                    try await session.accounts.insert(Account(
                        sid: sid, ownerAccountSid: sid, friendlyName: "Switchboard", status: .active, type: .full,
                        authToken: token, dateCreated: now, dateUpdated: now))
                }
            }
            return .configured(sid: sid)
        case (nil, nil):
            let sid = dependencies.sids.make(.account)
            let account = Account(
                sid: sid, ownerAccountSid: sid, friendlyName: "Switchboard", status: .active, type: .full,
                authToken: Secrets.makeAuthToken(), dateCreated: now, dateUpdated: now)
            let created = try await dependencies.storage.write { session -> Bool in
                guard try await session.accounts.count() == 0 else { return false }
                try await session.accounts.insert(account)
                return true
            }
            return created ? .created(account) : .existing
        default:
            throw InvalidConfiguration(description: "set both SWITCHBOARD_ACCOUNT_SID and SWITCHBOARD_AUTH_TOKEN, or neither")
        }
    }
}

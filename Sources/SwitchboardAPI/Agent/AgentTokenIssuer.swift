public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// `switchboard agent-token`: an Access Token for one worker, signed by a new API key of the worker's account, as a
/// Flex deployment's backend would mint it with the `twilio` helper library.
public struct AgentTokenIssuer: Sendable {
    let storage: any Storage
    let secretBox: SecretBox
    let sids: any SidGenerator
    let time: any TimeSource

    /// Issues tokens from `storage`, sealing the new keys' secrets with `secretBox`, which must be the server's.
    public init(storage: any Storage, secretBox: SecretBox, sids: any SidGenerator = RandomSidGenerator(),
                time: any TimeSource = SystemTimeSource()) {
        self.storage = storage
        self.secretBox = secretBox
        self.sids = sids
        self.time = time
    }

    /// A token for the worker, valid for `ttl` seconds; a ``AgentTokenIssuerError`` when there is no such worker.
    public func issue(workerSid: String, ttl: Int) async throws -> IssuedAgentToken {
        guard ttl >= 1 else { throw AgentTokenIssuerError(description: "ttl must be at least 1 second; got \(ttl)") }
        let now = time.now()
        let secret = Secrets.makeApiKeySecret()
        let sids = sids
        let secretBox = secretBox
        let (worker, key) = try await storage.write { session -> (Worker, ApiKey) in
            guard let worker = try await session.workers.find(sid: workerSid) else {
                throw AgentTokenIssuerError(description: "no worker \(workerSid) in this database")
            }
            guard let account = try await session.accounts.find(sid: worker.accountSid), account.status == .active else {
                throw AgentTokenIssuerError(description: "the account \(worker.accountSid) of worker \(workerSid) is not active")
            }
            let key = ApiKey(
                sid: sids.make(.apiKey), accountSid: account.sid, friendlyName: "Agent desktop: \(worker.friendlyName)",
                secretDigest: Secrets.digest(secret), sealedSecret: secretBox.seal(secret), dateCreated: now, dateUpdated: now)
            try await session.apiKeys.insert(key)
            return (worker, key)
        }
        let token = try await Self.mint(
            accountSid: worker.accountSid, apiKeySid: key.sid, secret: secret, identity: worker.friendlyName,
            workspaceSid: worker.workspaceSid, workerSid: worker.sid, ttl: ttl, now: now)
        return IssuedAgentToken(token: token, apiKeySid: key.sid, accountSid: worker.accountSid,
                                workspaceSid: worker.workspaceSid, workerSid: worker.sid, identity: worker.friendlyName)
    }

    /// Signs a token as `twilio.jwt.access_token.AccessToken` does: HS256 with the key's secret, header `cty`
    /// `twilio-fpa;v=1`, `jti` `<key>-<issued at>`, `nbf` now, and the identity beside the TaskRouter grant.
    static func mint(
        accountSid: String, apiKeySid: String, secret: String, identity: String, workspaceSid: String, workerSid: String,
        ttl: Int, now: Date
    ) async throws -> String {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let claims = AccessTokenClaims(
            jti: "\(apiKeySid)-\(Int(issuedAt.timeIntervalSince1970))", iss: apiKeySid, sub: accountSid,
            exp: issuedAt.addingTimeInterval(TimeInterval(ttl)), nbf: issuedAt,
            grants: .init(identity: identity, taskRouter: .init(workspaceSid: workspaceSid, workerSid: workerSid, role: "worker")))
        return try await claims.signed(with: secret)
    }

    /// The page's sign-in link: the token travels in the fragment, which browsers never send to a server.
    public static func signInLink(token: String, publicURL: String?) -> String {
        let base = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://127.0.0.1:8080"
        return base + "/#token=" + token
    }
}

/// A minted agent token and what it names.
public struct IssuedAgentToken: Sendable {
    /// The Access Token.
    public var token: String
    /// The `SK…` SID of the API key made to sign it.
    public var apiKeySid: String
    /// The worker's account.
    public var accountSid: String
    /// The worker's workspace.
    public var workspaceSid: String
    /// The worker.
    public var workerSid: String
    /// The token's identity: the worker's friendly name.
    public var identity: String
}

/// Why no token could be issued, in one line for the operator.
public struct AgentTokenIssuerError: Error, Sendable, CustomStringConvertible {
    /// The line.
    public var description: String
}

import Foundation
import JWTKit
import SwitchboardCore
import SwitchboardStorage

/// Checks a Twilio Access Token (`Authorization: Bearer …`) and finds who it lets the caller act as: its HS256
/// signature with the secret of its issuing API key, that key belonging to the account in `sub`, that account
/// active, `exp` and `nbf`, and a TaskRouter grant naming a worker of a workspace of that account.
struct AccessTokenVerifier: Sendable {
    let storage: any Storage
    let secretBox: SecretBox
    /// Where the issuing key and its account are looked up first; `nil` reads them with the worker.
    var credentials: CredentialCache? = nil

    /// The principal the token stands for; a 401 with Twilio's Access Token code otherwise.
    func principal(for token: String) async throws -> Principal {
        let (header, unverified, _) = try Self.parse(token)
        guard header.alg == "HS256" else {
            throw TwilioError.invalidAccessTokenSignature("the token must be signed with HS256, not \(header.alg ?? "nothing")")
        }
        let keySid = unverified.iss.value
        let accountSid = unverified.sub.value
        let secretBox = secretBox
        // The worker the grant claims is looked up in the same read as the key; it counts only once the signature
        // has shown the claims are the issuer's.
        let claimed = unverified.grants?.taskRouter
        let credentials = self.credentials
        let cachedIssuer = try await credentials?.apiKey(sid: keySid, storage: storage)
        let (account, secret, workerExists) = try await storage.read { session -> (Account, String, Bool) in
            let issuer = credentials == nil ? try await Self.issuer(keySid, session: session) : cachedIssuer
            guard let key = issuer?.key, key.accountSid == accountSid else {
                throw TwilioError.invalidAccessTokenIssuer("\(keySid) is not an API key of account \(accountSid)")
            }
            guard let account = issuer?.account, account.status == .active else {
                throw TwilioError.invalidAccessTokenIssuer("account \(accountSid) is not active")
            }
            guard let sealed = key.sealedSecret else {
                throw TwilioError.invalidAccessTokenSignature(
                    "API key \(keySid) was created before Switchboard kept key secrets, so it cannot sign Access Tokens; create a new API key")
            }
            guard let secret = secretBox.open(sealed) else {
                throw TwilioError.invalidAccessTokenSignature(
                    "the secret of API key \(keySid) was sealed with another secret key than this server's SWITCHBOARD_SECRET_KEY or switchboard.key")
            }
            var workerExists = false
            if let workspaceSid = claimed?.workspaceSid, let workerSid = claimed?.workerSid,
               try await session.workspaces.find(sid: workspaceSid, accountSid: accountSid) != nil {
                workerExists = try await session.workers.find(sid: workerSid, workspaceSid: workspaceSid) != nil
            }
            return (account, secret, workerExists)
        }
        let claims = try await Self.verify(token, secret: secret)
        guard let identity = claims.grants?.identity, !identity.isEmpty else {
            throw TwilioError.invalidAccessTokenGrants("the token has no identity")
        }
        guard let grant = claims.grants?.taskRouter, let workspaceSid = grant.workspaceSid, let workerSid = grant.workerSid else {
            throw TwilioError.invalidAccessTokenGrants("a TaskRouter grant with workspace_sid and worker_sid is required")
        }
        guard workerExists else {
            throw TwilioError.invalidAccessTokenGrants("\(workerSid) is not a worker of workspace \(workspaceSid) in account \(accountSid)")
        }
        let agent = AgentGrant(identity: identity, workspaceSid: workspaceSid, workerSid: workerSid, expiresAt: claims.exp.value)
        return Principal(account: account, apiKeySid: keySid, agent: agent)
    }

    /// The key with `sid` and the account that owns it, read in `session`.
    static func issuer(_ sid: String, session: any StorageSession) async throws -> (key: ApiKey, account: Account?)? {
        guard let key = try await session.apiKeys.find(sid: sid) else { return nil }
        return (key, try await session.accounts.find(sid: key.accountSid))
    }

    /// The header and claims before the signature is checked, to find the key that must have signed them.
    static func parse(_ token: String) throws(TwilioError) -> (JWTHeader, AccessTokenClaims, Data) {
        do {
            return try DefaultJWTParser().parse(Array(token.utf8), as: AccessTokenClaims.self)
        } catch {
            throw .invalidAccessToken("the token is not a JWT with iss, sub and exp claims")
        }
    }

    /// The claims once the signature, `exp` and `nbf` hold.
    static func verify(_ token: String, secret: String) async throws(TwilioError) -> AccessTokenClaims {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        do {
            return try await keys.verify(token, as: AccessTokenClaims.self)
        } catch let error as JWTError {
            switch error.errorType {
            case .signatureVerificationFailed:
                throw .invalidAccessTokenSignature("the token was not signed with the secret of its issuer")
            case .claimVerificationFailure where error.failedClaim is ExpirationClaim:
                throw .accessTokenExpired
            case .claimVerificationFailure where error.failedClaim is NotBeforeClaim:
                throw .accessTokenNotYetValid
            default:
                throw .invalidAccessToken(error.reason ?? "the token cannot be read")
            }
        } catch {
            throw .invalidAccessToken("the token cannot be read")
        }
    }
}

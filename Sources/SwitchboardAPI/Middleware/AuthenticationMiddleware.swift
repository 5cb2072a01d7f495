import Logging
import Foundation
public import Hummingbird
public import SwitchboardCore
public import SwitchboardStorage

/// HTTP Basic authentication with `AccountSid:AuthToken` or `ApiKeySid:Secret`, as Twilio's, and Twilio Access
/// Tokens (`Authorization: Bearer …`), which confine the caller to one worker.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext
    let storage: any Storage
    let accessTokens: AccessTokenVerifier
    /// Where credentials are looked up first; `nil` reads them from `storage` on every request.
    let credentials: CredentialCache?

    /// Authenticates against `storage`, through `credentials` when given; `secretBox` opens the API key secrets that
    /// Access Tokens are signed with.
    public init(storage: any Storage, secretBox: SecretBox, credentials: CredentialCache? = nil) {
        self.storage = storage
        self.credentials = credentials
        self.accessTokens = AccessTokenVerifier(storage: storage, secretBox: secretBox, credentials: credentials)
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let principal: Principal
        if let token = Self.bearerToken(request) {
            principal = try await accessTokens.principal(for: token)
        } else {
            guard let (username, password) = Self.basicCredentials(request) else {
                throw TwilioError.authenticationFailed("Authentication Error - No credentials provided")
            }
            guard let basic = try await authenticate(username: username, password: password) else {
                throw TwilioError.authenticationFailed("Authentication Error - invalid username or password")
            }
            principal = basic
        }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "account_sid"] = .string(principal.account.sid)
        return try await next(request, context)
    }

    func authenticate(username: String, password: String) async throws -> Principal? {
        if Sid.isValid(username, prefix: .account) {
            guard let account = try await account(sid: username),
                  account.status == .active,
                  Secrets.constantTimeEquals(account.authToken, password)
            else { return nil }
            return Principal(account: account, apiKeySid: nil)
        }
        if Sid.isValid(username, prefix: .apiKey) {
            guard let (key, owner) = try await apiKey(sid: username),
                  Secrets.constantTimeEquals(key.secretDigest, Secrets.digest(password)),
                  let account = owner,
                  account.status == .active
            else { return nil }
            return Principal(account: account, apiKeySid: key.sid)
        }
        return nil
    }

    func account(sid: String) async throws -> Account? {
        if let credentials { return try await credentials.account(sid: sid, storage: storage) }
        return try await storage.read { try await $0.accounts.find(sid: sid) }
    }

    func apiKey(sid: String) async throws -> (key: ApiKey, account: Account?)? {
        if let credentials { return try await credentials.apiKey(sid: sid, storage: storage) }
        return try await storage.read { try await AccessTokenVerifier.issuer(sid, session: $0) }
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    static func basicCredentials(_ request: Request) -> (String, String)? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1].trimmingCharacters(in: .whitespaces))),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":")
        else { return nil }
        return (String(decoded[..<colon]), String(decoded[decoded.index(after: colon)...]))
    }
}

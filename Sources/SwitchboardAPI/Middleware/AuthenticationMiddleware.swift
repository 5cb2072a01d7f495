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

    /// Authenticates against `storage`; `secretBox` opens the API key secrets that Access Tokens are signed with.
    public init(storage: any Storage, secretBox: SecretBox) {
        self.storage = storage
        self.accessTokens = AccessTokenVerifier(storage: storage, secretBox: secretBox)
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
        try await storage.read { session -> Principal? in
            if Sid.isValid(username, prefix: .account) {
                guard let account = try await session.accounts.find(sid: username),
                      account.status == .active,
                      Secrets.constantTimeEquals(account.authToken, password)
                else { return nil }
                return Principal(account: account, apiKeySid: nil)
            }
            if Sid.isValid(username, prefix: .apiKey) {
                guard let key = try await session.apiKeys.find(sid: username),
                      Secrets.constantTimeEquals(key.secretDigest, Secrets.digest(password)),
                      let account = try await session.accounts.find(sid: key.accountSid),
                      account.status == .active
                else { return nil }
                return Principal(account: account, apiKeySid: key.sid)
            }
            return nil
        }
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

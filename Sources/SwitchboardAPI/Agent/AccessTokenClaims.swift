import Foundation
import JWTKit

/// The payload of a Twilio Access Token as the `twilio` helper libraries mint it: `jti`, `iss` (the API key),
/// `sub` (the account), `exp`, `nbf`, and `grants` with the identity and one entry per grant.
struct AccessTokenClaims: JWTPayload {
    /// `<key SID>-<issued at>`, as the helper libraries make it.
    var jti: String?
    /// The `SK…` SID of the API key whose secret signed the token.
    var iss: IssuerClaim
    /// The `AC…` SID of the account the token acts for.
    var sub: SubjectClaim
    /// When the token stops being accepted.
    var exp: ExpirationClaim
    /// When the token starts being accepted, if it says.
    var nbf: NotBeforeClaim?
    /// The identity and what the token grants.
    var grants: Grants?

    /// How far a token's `nbf` may be ahead of this server's clock: the minting backend's clock may run a little fast.
    static let clockSkew: TimeInterval = 60

    /// Creates the claims.
    init(jti: String?, iss: String, sub: String, exp: Date, nbf: Date?, grants: Grants) {
        self.jti = jti
        self.iss = IssuerClaim(value: iss)
        self.sub = SubjectClaim(value: sub)
        self.exp = ExpirationClaim(value: exp)
        self.nbf = nbf.map { NotBeforeClaim(value: $0) }
        self.grants = grants
    }

    /// Checks `exp` and `nbf`; jwt-kit calls it once the signature has been verified.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        try nbf?.verifyNotBefore(currentDate: Date().addingTimeInterval(Self.clockSkew))
    }

    /// The token: HS256 with `secret`, under the helper libraries' header (`cty` `twilio-fpa;v=1`).
    func signed(with secret: String) async throws -> String {
        let encoder = JSONEncoder()
        // Whole seconds, as the helper libraries write them.
        encoder.dateEncodingStrategy = .integerSecondsSince1970
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, serializer: DefaultJWTSerializer(jsonEncoder: encoder))
        return try await keys.sign(self, header: ["typ": "JWT", "alg": "HS256", "cty": "twilio-fpa;v=1"])
    }

    /// `grants`: the identity beside one object per grant, keyed as the helper libraries key them.
    struct Grants: Codable, Sendable {
        /// Who the token is for.
        var identity: String?
        /// `task_router`: the worker the bearer acts as.
        var taskRouter: TaskRouterGrant?
        /// `chat`: the Conversations or Chat service.
        var chat: ChatGrant?

        /// Creates the grants.
        init(identity: String?, taskRouter: TaskRouterGrant?, chat: ChatGrant? = nil) {
            self.identity = identity
            self.taskRouter = taskRouter
            self.chat = chat
        }

        enum CodingKeys: String, CodingKey {
            case identity
            case taskRouter = "task_router"
            case chat
        }
    }

    /// `grants.task_router`.
    struct TaskRouterGrant: Codable, Sendable {
        /// The `WS…` SID of the worker's workspace.
        var workspaceSid: String?
        /// The `WK…` SID of the worker.
        var workerSid: String?
        /// `worker` for an agent.
        var role: String?

        /// Creates the grant.
        init(workspaceSid: String?, workerSid: String?, role: String?) {
            self.workspaceSid = workspaceSid
            self.workerSid = workerSid
            self.role = role
        }

        enum CodingKeys: String, CodingKey {
            case workspaceSid = "workspace_sid"
            case workerSid = "worker_sid"
            case role
        }
    }

    /// `grants.chat`.
    struct ChatGrant: Codable, Sendable {
        /// The `IS…` SID of the service.
        var serviceSid: String?

        /// Creates the grant.
        init(serviceSid: String?) {
            self.serviceSid = serviceSid
        }

        enum CodingKeys: String, CodingKey {
            case serviceSid = "service_sid"
        }
    }
}

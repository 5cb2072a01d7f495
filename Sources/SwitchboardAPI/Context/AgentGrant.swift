public import struct Foundation.Date

/// What an Access Token lets its bearer do: act as one TaskRouter worker, in one workspace, of the token's account.
public struct AgentGrant: Sendable {
    /// The token's identity, as `grants.identity` carries it.
    public var identity: String
    /// The `WS…` SID of the worker's workspace.
    public var workspaceSid: String
    /// The `WK…` SID of the worker the bearer acts as.
    public var workerSid: String
    /// When the token expires.
    public var expiresAt: Date

    /// Creates a grant.
    public init(identity: String, workspaceSid: String, workerSid: String, expiresAt: Date) {
        self.identity = identity
        self.workspaceSid = workspaceSid
        self.workerSid = workerSid
        self.expiresAt = expiresAt
    }
}

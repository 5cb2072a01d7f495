public import struct Foundation.Date

/// An API key: an `SK…` SID and a secret that authenticate as the account that owns the key.
public struct ApiKey: Sendable, Equatable {
    /// The `SK…` SID.
    public var sid: String
    /// The account the key acts for.
    public var accountSid: String
    /// The name given to the key.
    public var friendlyName: String
    /// The SHA-256 digest of the secret; the secret itself is shown once, at creation, and never stored.
    public var secretDigest: String
    /// The secret sealed by a ``SecretBox``, so that Access Tokens the key signed can be verified; `nil` for keys
    /// made before Switchboard kept it, which therefore cannot sign tokens.
    public var sealedSecret: String?
    /// When the key was created.
    public var dateCreated: Date
    /// When the key last changed.
    public var dateUpdated: Date

    /// Creates a key value.
    public init(sid: String, accountSid: String, friendlyName: String, secretDigest: String, sealedSecret: String? = nil,
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.secretDigest = secretDigest
        self.sealedSecret = sealedSecret
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

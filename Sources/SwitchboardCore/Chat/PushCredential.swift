public import struct Foundation.Date

/// An account's push-notification credential (`CR…`), shared by Chat v2 and Conversations v1. Its secrets are
/// kept only sealed (see `SecretBox`) and are never answered back.
public struct PushCredential: Sendable, Equatable, Codable {
    /// The `CR…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The display name.
    public var friendlyName: String?
    /// `apn`, `gcm` or `fcm`.
    public var type: String
    /// Whether an `apn` credential targets Apple's sandbox.
    public var sandbox: Bool
    /// The APN certificate, sealed.
    public var sealedCertificate: String?
    /// The APN private key, sealed.
    public var sealedPrivateKey: String?
    /// The GCM API key, sealed.
    public var sealedApiKey: String?
    /// The FCM server secret, sealed.
    public var sealedSecret: String?
    /// When the credential was created.
    public var dateCreated: Date
    /// When the credential last changed.
    public var dateUpdated: Date

    /// Creates a credential value; the secrets must already be sealed.
    public init(sid: String, accountSid: String, friendlyName: String?, type: String, sandbox: Bool, sealedCertificate: String? = nil,
                sealedPrivateKey: String? = nil, sealedApiKey: String? = nil, sealedSecret: String? = nil, dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.type = type
        self.sandbox = sandbox
        self.sealedCertificate = sealedCertificate
        self.sealedPrivateKey = sealedPrivateKey
        self.sealedApiKey = sealedApiKey
        self.sealedSecret = sealedSecret
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// A credential create or update as sent, secrets in clear until `PushCredentialRules.apply` seals them.
public struct PushCredentialChanges: Sendable {
    /// `Type`.
    public var type: String?
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `Certificate`.
    public var certificate: String?
    /// `PrivateKey`.
    public var privateKey: String?
    /// `Sandbox`.
    public var sandbox: Bool?
    /// `ApiKey`.
    public var apiKey: String?
    /// `Secret`.
    public var secret: String?

    /// No changes.
    public init() {}
}

/// The rules of push credentials: the push types Twilio knows and the secret each one needs.
public enum PushCredentialRules {
    /// The push services a credential can be for.
    public static let types = ["apn", "gcm", "fcm"]

    /// `credential` with `changes` applied and secrets sealed by `seal`; a `Type` must be one of ``types`` and,
    /// once applied, an `apn` credential must have `Certificate` and `PrivateKey`, a `gcm` one `ApiKey`, an `fcm` one `Secret`.
    public static func apply(_ changes: PushCredentialChanges, to credential: PushCredential, seal: (String) -> String,
                             now: Date) throws(TwilioError) -> PushCredential {
        var updated = credential
        if let type = changes.type {
            guard types.contains(type) else { throw .invalidParameter("Type must be apn, gcm or fcm; got '\(type)'") }
            updated.type = type
        }
        if let name = changes.friendlyName {
            try TextLimit.shortFriendlyName.check(name, parameter: "FriendlyName")
            updated.friendlyName = name
        }
        if let sandbox = changes.sandbox { updated.sandbox = sandbox }
        if let certificate = changes.certificate { updated.sealedCertificate = certificate.isEmpty ? nil : seal(certificate) }
        if let privateKey = changes.privateKey { updated.sealedPrivateKey = privateKey.isEmpty ? nil : seal(privateKey) }
        if let apiKey = changes.apiKey { updated.sealedApiKey = apiKey.isEmpty ? nil : seal(apiKey) }
        if let secret = changes.secret { updated.sealedSecret = secret.isEmpty ? nil : seal(secret) }
        switch updated.type {
        case "apn":
            if updated.sealedCertificate == nil { throw .missingParameter("Certificate") }
            if updated.sealedPrivateKey == nil { throw .missingParameter("PrivateKey") }
        case "gcm":
            if updated.sealedApiKey == nil { throw .missingParameter("ApiKey") }
        default:
            if updated.sealedSecret == nil { throw .missingParameter("Secret") }
        }
        updated.dateUpdated = now
        return updated
    }

    /// A new credential from a create: `Type` is required.
    public static func credential(_ changes: PushCredentialChanges, sid: String, accountSid: String, seal: (String) -> String,
                                  now: Date) throws(TwilioError) -> PushCredential {
        guard let type = changes.type, !type.isEmpty else { throw .missingParameter("Type") }
        let blank = PushCredential(sid: sid, accountSid: accountSid, friendlyName: nil, type: type, sandbox: false, dateCreated: now, dateUpdated: now)
        return try apply(changes, to: blank, seal: seal, now: now)
    }
}

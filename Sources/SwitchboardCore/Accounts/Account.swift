public import struct Foundation.Date

/// A Twilio account: the owner of every other resource. Subaccounts name their parent in `ownerAccountSid`.
public struct Account: Sendable, Equatable {
    /// The `AC…` SID.
    public var sid: String
    /// The account that owns this one; itself for a main account.
    public var ownerAccountSid: String
    /// The name given to the account.
    public var friendlyName: String
    /// Whether the account may be used.
    public var status: AccountStatus
    /// Trial or Full.
    public var type: AccountType
    /// The secret used with the SID in HTTP Basic authentication.
    public var authToken: String
    /// When the account was created.
    public var dateCreated: Date
    /// When the account last changed.
    public var dateUpdated: Date

    /// Creates an account value.
    public init(
        sid: String, ownerAccountSid: String, friendlyName: String, status: AccountStatus,
        type: AccountType, authToken: String, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.ownerAccountSid = ownerAccountSid
        self.friendlyName = friendlyName
        self.status = status
        self.type = type
        self.authToken = authToken
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }

    /// Whether this is a subaccount of another account.
    public var isSubaccount: Bool { ownerAccountSid != sid }
}

/// An account's lifecycle state, as the API 2010 `Status` enum.
public enum AccountStatus: String, Sendable, CaseIterable {
    /// In use.
    case active
    /// Temporarily disabled; may be reactivated.
    case suspended
    /// Permanently closed.
    case closed
}

/// The account's billing type, as the API 2010 `Type` enum.
public enum AccountType: String, Sendable {
    /// A trial account.
    case trial = "Trial"
    /// A paid account.
    case full = "Full"
}

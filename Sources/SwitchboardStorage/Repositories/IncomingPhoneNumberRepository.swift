public import SwitchboardCore

/// Which of an account's IncomingPhoneNumbers a list reads, as Twilio's list filters them.
public struct IncomingPhoneNumberFilter: Sendable, Equatable {
    /// Digits the number contains, `*` standing for any one digit: `+1415*`, `555`.
    public var phoneNumber: String?
    /// The exact friendly name.
    public var friendlyName: String?

    /// Creates a filter; `nil` matches every number.
    public init(phoneNumber: String? = nil, friendlyName: String? = nil) {
        self.phoneNumber = phoneNumber
        self.friendlyName = friendlyName
    }
}

/// API 2010's IncomingPhoneNumbers, each owned by one account, which has each number once.
public protocol IncomingPhoneNumberRepository: Sendable {
    /// Stores a new number; fails when the account already has it.
    func insert(_ number: IncomingPhoneNumber) async throws
    /// The number with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> IncomingPhoneNumber?
    /// The account's entry for `phoneNumber` (E.164), which an inbound message to it is posted through.
    func find(phoneNumber: String, accountSid: String) async throws -> IncomingPhoneNumber?
    /// The account's numbers that match `filter`, oldest first.
    func list(accountSid: String, filter: IncomingPhoneNumberFilter, page: PageRequest) async throws -> Page<IncomingPhoneNumber>
    /// Saves a changed number.
    func update(_ number: IncomingPhoneNumber) async throws
    /// Removes the number; `false` when the account has no such number.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

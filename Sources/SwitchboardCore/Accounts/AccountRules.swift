/// Twilio's rules for changing an account.
public enum AccountRules {
    /// The status an account moves to, or the error Twilio gives: a closed account cannot be reopened,
    /// and an account cannot change its own status, only its parent can.
    public static func newStatus(
        from current: AccountStatus, requested raw: String, requestedBy actorSid: String, account: Account
    ) throws(TwilioError) -> AccountStatus {
        guard let requested = AccountStatus(rawValue: raw) else {
            throw .invalidParameter("Status must be one of active, suspended, closed")
        }
        if requested == current { return current }
        guard account.isSubaccount, account.sid != actorSid else {
            throw .invalidParameter("Only a parent account can change a subaccount's status")
        }
        guard current != .closed else {
            throw .invalidParameter("A closed account cannot be reopened")
        }
        return requested
    }

    /// The default name Twilio gives a subaccount created without one.
    public static func defaultSubaccountName(createdAt date: String) -> String {
        "SubAccount Created at \(date)"
    }
}

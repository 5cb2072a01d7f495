public import SwitchboardCore

/// The sandbox's simulated customer handsets: what reached them, and which addresses turn deliveries away.
public protocol SandboxRepository: Sendable {
    /// Records a message reaching (or being turned away by) a handset; a second record of one message is ignored,
    /// so a delivery retried after a crash shows once.
    func recordDelivery(_ delivery: SandboxDelivery) async throws
    /// What reached the account's handset at `address`, oldest first.
    func deliveries(accountSid: String, address: String, page: PageRequest) async throws -> Page<SandboxDelivery>
    /// What reached the account's handset at `address` after `position`, in the order it became final, at most
    /// `limit`. A delivery never changes once recorded, so each appears once.
    func deliveries(accountSid: String, address: String, after position: FeedPosition, limit: Int) async throws
        -> [(position: FeedPosition, delivery: SandboxDelivery)]
    /// Where the handset's feed ends now: a stream starting here sees only what reaches it from now on.
    func deliveriesEnd(accountSid: String, address: String) async throws -> FeedPosition
    /// What reached any of the account's handsets, newest first.
    func deliveries(accountSid: String, page: PageRequest) async throws -> Page<SandboxDelivery>
    /// Makes or replaces the rule for the rule's address.
    func saveFailureRule(_ rule: SandboxFailureRule) async throws
    /// The account's rule for `address`.
    func failureRule(accountSid: String, address: String) async throws -> SandboxFailureRule?
    /// Every rule of the account, oldest first.
    func failureRules(accountSid: String) async throws -> [SandboxFailureRule]
    /// Removes the account's rule for `address`; `false` when there was none.
    func deleteFailureRule(accountSid: String, address: String) async throws -> Bool
}

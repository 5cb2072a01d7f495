public import SwitchboardCore

/// Flex Flows, each owned by one account.
public protocol FlexFlowRepository: Sendable {
    /// Stores a new flow.
    func insert(_ flow: FlexFlow) async throws
    /// The flow with this SID if `accountSid` owns it.
    func find(sid: String, accountSid: String) async throws -> FlexFlow?
    /// The account's flows, optionally only those with this friendly name.
    func list(accountSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<FlexFlow>
    /// Saves an existing flow.
    func update(_ flow: FlexFlow) async throws
    /// Removes the flow; `false` when the account has no such flow.
    func delete(sid: String, accountSid: String) async throws -> Bool
}

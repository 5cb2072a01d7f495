public import SwitchboardCore

/// Each account's Flex configuration: what clients set through `POST /v1/Configuration`.
public protocol FlexConfigurationRepository: Sendable {
    /// The account's configuration; `nil` until a client first sets one.
    func find(accountSid: String) async throws -> FlexConfiguration?
    /// Stores the account's configuration, replacing the one it had.
    func save(_ configuration: FlexConfiguration) async throws
}

public import SwitchboardCore

/// The account's Conversations configuration: addresses that auto-create conversations, and where events go.
public protocol ConversationConfigurationRepository: Sendable {
    /// Stores a new address configuration.
    func insertAddress(_ address: ConversationAddress) async throws
    /// The account's address configuration with this SID.
    func findAddress(sid: String, accountSid: String) async throws -> ConversationAddress?
    /// The account's configuration of an address on a channel, for an inbound message.
    func findAddress(type: String, address: String, accountSid: String) async throws -> ConversationAddress?
    /// Saves a changed address configuration.
    func updateAddress(_ address: ConversationAddress) async throws
    /// Deletes an address configuration; `false` when there was none.
    func deleteAddress(sid: String, accountSid: String) async throws -> Bool
    /// The account's address configurations, oldest first.
    func listAddresses(accountSid: String, type: String?, page: PageRequest) async throws -> Page<ConversationAddress>

    /// Holds the account's `Configuration` until the transaction ends, so two writers cannot both find no default
    /// service and each create one. SQLite serialises writers already.
    func holdAccountConfiguration(accountSid: String) async throws
    /// Holds the account's `Configuration` shared until the transaction ends: a writer that decided from it which
    /// service a conversation joins keeps another from changing the default before it commits.
    func shareAccountConfiguration(accountSid: String) async throws
    /// The account's `Configuration`, once its default service exists.
    func accountConfiguration(accountSid: String) async throws -> ConversationAccountConfiguration?
    /// Saves the account's `Configuration`.
    func saveAccountConfiguration(_ configuration: ConversationAccountConfiguration) async throws

    /// A service's `Configuration`, `Configuration/Notifications` and `Configuration/Webhooks`, if ever set.
    func serviceConfiguration(serviceSid: String) async throws -> ConversationServiceConfiguration?
    /// Saves a service's configuration.
    func saveServiceConfiguration(_ configuration: ConversationServiceConfiguration) async throws
    /// Removes a service's configuration with the service.
    func deleteServiceConfiguration(serviceSid: String) async throws

    /// The account's `Configuration/Webhooks`, if it was ever set.
    func accountWebhook(accountSid: String) async throws -> ConversationWebhook?
    /// Saves the account's `Configuration/Webhooks`.
    func saveAccountWebhook(_ webhook: ConversationWebhook) async throws

    /// Stores a conversation-scoped webhook.
    func insertWebhook(_ webhook: ConversationWebhook) async throws
    /// The conversation's webhook with this SID.
    func findWebhook(sid: String, conversationSid: String, accountSid: String) async throws -> ConversationWebhook?
    /// Saves a changed conversation-scoped webhook.
    func updateWebhook(_ webhook: ConversationWebhook) async throws
    /// Deletes a conversation-scoped webhook; `false` when there was none.
    func deleteWebhook(sid: String, conversationSid: String, accountSid: String) async throws -> Bool
    /// The conversation's webhooks, oldest first.
    func webhooks(conversationSid: String, accountSid: String) async throws -> [ConversationWebhook]
}

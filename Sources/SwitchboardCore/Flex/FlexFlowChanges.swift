/// The typed parameters of a Flex Flow create or update; `nil` means the parameter was not sent.
public struct FlexFlowChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `ChatServiceSid`.
    public var chatServiceSid: String?
    /// `ChannelType`, unparsed so the rules can name a bad value.
    public var channelType: String?
    /// `ContactIdentity`.
    public var contactIdentity: String?
    /// `Enabled`.
    public var enabled: Bool?
    /// `IntegrationType`, unparsed.
    public var integrationType: String?
    /// `Integration.FlowSid`.
    public var flowSid: String?
    /// `Integration.Url`.
    public var url: String?
    /// `Integration.WorkspaceSid`.
    public var workspaceSid: String?
    /// `Integration.WorkflowSid`.
    public var workflowSid: String?
    /// `Integration.Channel`.
    public var channel: String?
    /// `Integration.Timeout`.
    public var timeout: Int?
    /// `Integration.Priority`.
    public var priority: Int?
    /// `Integration.CreationOnMessage`.
    public var creationOnMessage: Bool?
    /// `Integration.RetryCount`.
    public var retryCount: Int?
    /// `LongLived`.
    public var longLived: Bool?
    /// `JanitorEnabled`.
    public var janitorEnabled: Bool?

    /// No changes.
    public init() {}
}

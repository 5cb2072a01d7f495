/// The parameters of a Flex Channel create, as sent; `nil` when not sent.
public struct FlexChannelRequest: Sendable, Equatable {
    /// `FlexFlowSid`.
    public var flexFlowSid: String?
    /// `Identity`: the customer's chat identity.
    public var identity: String?
    /// `ChatUserFriendlyName`.
    public var chatUserFriendlyName: String?
    /// `ChatFriendlyName`.
    public var chatFriendlyName: String?
    /// `Target`: the customer's address.
    public var target: String?
    /// `ChatUniqueName`.
    public var chatUniqueName: String?
    /// `PreEngagementData`, JSON text.
    public var preEngagementData: String?
    /// `TaskSid`: an existing task to link instead of creating one.
    public var taskSid: String?
    /// `TaskAttributes`, JSON text.
    public var taskAttributes: String?
    /// `LongLived`, overriding the flow's.
    public var longLived: Bool?

    /// No parameters.
    public init() {}

    /// Checks the required parameters, naming the first one missing as Twilio does (20001).
    public func checkRequired() throws(TwilioError) {
        for (name, value) in [("FlexFlowSid", flexFlowSid), ("Identity", identity), ("ChatUserFriendlyName", chatUserFriendlyName),
                              ("ChatFriendlyName", chatFriendlyName)] where value?.isEmpty ?? true {
            throw .missingParameter(name)
        }
        if let flexFlowSid { try FlexFlowRules.checkReference(flexFlowSid, prefix: SidPrefix.flexFlow.rawValue, name: "FlexFlowSid") }
        if let taskSid, !taskSid.isEmpty { try FlexFlowRules.checkReference(taskSid, prefix: SidPrefix.task.rawValue, name: "TaskSid") }
    }
}

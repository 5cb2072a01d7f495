/// The customer's side of a new interaction, from the `Channel` JSON's `participants`.
public struct InteractionParticipantRequest: Sendable, Equatable {
    /// `address`: the customer's address, or a chat identity.
    public var address: String
    /// `proxy_address`: the contact center's address; none for chat.
    public var proxyAddress: String?

    /// Creates a participant request.
    public init(address: String, proxyAddress: String?) {
        self.address = address
        self.proxyAddress = proxyAddress
    }
}

/// `Routing.properties`: where the interaction's task goes.
public struct InteractionRoutingRequest: Sendable, Equatable {
    /// `workspace_sid`.
    public var workspaceSid: String
    /// `workflow_sid`.
    public var workflowSid: String?
    /// `queue_sid`.
    public var queueSid: String?
    /// `worker_sid`: a known agent the task goes to.
    public var workerSid: String?
    /// `task_channel_unique_name`; the channel type when absent.
    public var taskChannelUniqueName: String?
    /// `attributes`, a JSON object.
    public var attributes: AttributeValue
    /// `priority`.
    public var priority: Int?
    /// `timeout`.
    public var timeout: Int?
}

/// A parsed `POST /v1/Interactions`: the `Channel` and `Routing` JSON parameters.
public struct InteractionRequest: Sendable, Equatable {
    /// The media type.
    public var type: InteractionChannelType
    /// `initiated_by`: `agent`, `customer` or `api`.
    public var initiatedBy: String
    /// The channel JSON as parsed, echoed back as `channel`.
    public var channel: AttributeValue
    /// The customer.
    public var participant: InteractionParticipantRequest
    /// The routing.
    public var routing: InteractionRoutingRequest

    /// The values `initiated_by` takes.
    public static let initiators: Set<String> = ["agent", "customer", "api"]

    /// Parses and validates the two JSON parameters, or throws Twilio's 20001 naming what is wrong.
    public static func parse(channel channelText: String?, routing routingText: String?) throws(TwilioError) -> InteractionRequest {
        guard let channelText, !channelText.isEmpty else { throw .missingParameter("Channel") }
        let channel = try AttributeValue.parseAttributes(channelText, parameter: "Channel")
        guard let rawType = channel[member: "type"]?.stringValue else { throw .invalidParameter("Channel.type is required") }
        guard let type = InteractionChannelType(rawValue: rawType), type.deliveryChannel != nil else {
            throw .invalidParameter("Channel.type must be one of sms, whatsapp, email, chat, messenger, web")
        }
        let initiatedBy = channel[member: "initiated_by"]?.stringValue ?? "api"
        guard initiators.contains(initiatedBy) else { throw .invalidParameter("Channel.initiated_by must be one of agent, customer, api") }
        guard case .array(let participants)? = channel[member: "participants"], let first = participants.first else {
            throw .invalidParameter("Channel.participants must list the customer")
        }
        guard let address = (first[member: "address"] ?? first[member: "identity"])?.stringValue, !address.isEmpty else {
            throw .invalidParameter("Channel.participants[0].address is required")
        }
        let participant = InteractionParticipantRequest(address: address, proxyAddress: first[member: "proxy_address"]?.stringValue)
        if type.deliveryChannel != .chat, (participant.proxyAddress ?? "").isEmpty {
            throw .invalidParameter("Channel.participants[0].proxy_address is required for \(type.rawValue)")
        }
        return InteractionRequest(
            type: type, initiatedBy: initiatedBy, channel: channel, participant: participant,
            routing: try parseRouting(routingText))
    }

    /// `Routing`'s `properties`: a workspace, and a workflow, queue or worker in it.
    static func parseRouting(_ text: String?) throws(TwilioError) -> InteractionRoutingRequest {
        guard let text, !text.isEmpty else { throw .missingParameter("Routing") }
        let routing = try AttributeValue.parseAttributes(text, parameter: "Routing")
        guard let properties = routing[member: "properties"], case .object = properties else {
            throw .invalidParameter("Routing.properties is required")
        }
        func sid(_ key: String, _ prefix: SidPrefix) throws(TwilioError) -> String? {
            guard let value = properties[member: key], value != .null else { return nil }
            guard let text = value.stringValue, !text.isEmpty else { throw .invalidParameter("Routing.properties.\(key) must be a string") }
            try FlexFlowRules.checkReference(text, prefix: prefix.rawValue, name: "Routing.properties.\(key)")
            return text
        }
        func int(_ key: String) throws(TwilioError) -> Int? {
            guard let value = properties[member: key], value != .null else { return nil }
            guard case .number(let number) = value, number.rounded() == number else { throw .invalidParameter("Routing.properties.\(key) must be an integer") }
            return Int(number)
        }
        guard let workspaceSid = try sid("workspace_sid", .workspace) else { throw .invalidParameter("Routing.properties.workspace_sid is required") }
        let attributes = properties[member: "attributes"] ?? .emptyObject
        guard case .object = attributes else { throw .invalidParameter("Routing.properties.attributes must be a JSON object") }
        return InteractionRoutingRequest(
            workspaceSid: workspaceSid, workflowSid: try sid("workflow_sid", .workflow), queueSid: try sid("queue_sid", .taskQueue),
            workerSid: try sid("worker_sid", .worker), taskChannelUniqueName: properties[member: "task_channel_unique_name"]?.stringValue,
            attributes: attributes, priority: try int("priority"), timeout: try int("timeout"))
    }
}

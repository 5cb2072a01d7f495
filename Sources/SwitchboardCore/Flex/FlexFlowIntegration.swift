/// The handler of a Flex Flow and its settings; each case holds exactly the settings that apply to it.
public enum FlexFlowIntegration: Sendable, Equatable {
    /// A Studio Flow, retried `retryCount` times on failure.
    case studio(flowSid: String, retryCount: Int)
    /// A webhook, retried `retryCount` times on failure.
    case external(url: String, retryCount: Int)
    /// A TaskRouter task on this workspace, workflow and task channel.
    case task(TaskIntegration)

    /// Which kind of handler this is.
    public var type: FlexFlowIntegrationType {
        switch self {
        case .studio: .studio
        case .external: .external
        case .task: .task
        }
    }
}

/// How a Flex Flow of integration type `task` makes its tasks.
public struct TaskIntegration: Sendable, Equatable {
    /// The workspace the task is created in, stored as given.
    public var workspaceSid: String
    /// The workflow that routes the task, stored as given.
    public var workflowSid: String
    /// The task channel's SID or unique name.
    public var channel: String
    /// The task's timeout in seconds.
    public var timeout: Int
    /// The task's priority.
    public var priority: Int
    /// Whether the task waits for the customer's first reply to an outbound message.
    public var creationOnMessage: Bool

    /// Creates the settings.
    public init(workspaceSid: String, workflowSid: String, channel: String, timeout: Int, priority: Int, creationOnMessage: Bool) {
        self.workspaceSid = workspaceSid
        self.workflowSid = workflowSid
        self.channel = channel
        self.timeout = timeout
        self.priority = priority
        self.creationOnMessage = creationOnMessage
    }
}

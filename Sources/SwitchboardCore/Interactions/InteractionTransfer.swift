public import struct Foundation.Date

/// A transfer of an interaction channel (`UX…`) from a participant to an agent, a queue or a workflow: a new task on
/// the same conversation. A cold transfer wraps the transferring agent's task up at once; a warm one leaves it with
/// them until they wrap up themselves.
public struct InteractionTransfer: Sendable, Equatable {
    /// The `UX…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The interaction.
    public var interactionSid: String
    /// The channel.
    public var channelSid: String
    /// `cold` or `warm`.
    public var type: String
    /// The transferring participant (`UT…`).
    public var from: String
    /// The target: a worker (`WK…`), queue (`WQ…`) or workflow (`WW…`).
    public var to: String
    /// The task created for the target.
    public var taskSid: String
    /// The task's workspace.
    public var workspaceSid: String
    /// When it was created.
    public var dateCreated: Date

    /// Creates a transfer value.
    public init(sid: String, accountSid: String, interactionSid: String, channelSid: String, type: String, from: String, to: String,
                taskSid: String, workspaceSid: String, dateCreated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.interactionSid = interactionSid
        self.channelSid = channelSid
        self.type = type
        self.from = from
        self.to = to
        self.taskSid = taskSid
        self.workspaceSid = workspaceSid
        self.dateCreated = dateCreated
    }

    /// Twilio's transfer status, read from the target's task: `completed` once someone took it, `failed` when it was
    /// canceled, `active` while it waits.
    public static func status(of task: TaskRouterTask?) -> String {
        switch task?.assignmentStatus {
        case .assigned?, .wrapping?, .completed?: "completed"
        case .canceled?, nil: "failed"
        default: "active"
        }
    }
}

/// A parsed `POST …/Transfers` JSON body: `type`, `from` and `to`.
public struct InteractionTransferRequest: Sendable, Equatable {
    /// `cold` or `warm`.
    public var type: String
    /// The transferring participant (`UT…`).
    public var from: String
    /// The target (`WK…`, `WQ…` or `WW…`).
    public var to: String

    /// Parses the body, refusing with 20001 what Twilio would refuse.
    public static func parse(json text: String) throws(TwilioError) -> InteractionTransferRequest {
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        guard let type = body[member: "type"]?.stringValue, ["cold", "warm"].contains(type) else {
            throw .invalidParameter("type must be cold or warm")
        }
        guard let from = body[member: "from"]?.stringValue, Sid.hasPrefix(from, SidPrefix.interactionChannelParticipant.rawValue) else {
            throw .invalidParameter("from must be the SID (UT…) of the transferring participant")
        }
        guard let to = body[member: "to"]?.stringValue,
              [SidPrefix.worker, .taskQueue, .workflow].contains(where: { Sid.hasPrefix(to, $0.rawValue) }) else {
            throw .invalidParameter("to must be the SID of a worker (WK…), queue (WQ…) or workflow (WW…)")
        }
        return InteractionTransferRequest(type: type, from: from, to: to)
    }
}

extension InteractionRoutingRequest {
    /// Routing built by Switchboard itself, for transfers and auto-created interactions.
    public init(workspaceSid: String, workflowSid: String?, queueSid: String?, workerSid: String?, taskChannelUniqueName: String?,
                attributes: AttributeValue) {
        self.init(workspaceSid: workspaceSid, workflowSid: workflowSid, queueSid: queueSid, workerSid: workerSid,
                  taskChannelUniqueName: taskChannelUniqueName, attributes: attributes, priority: nil, timeout: nil)
    }
}

/// A parsed `POST …/Transfers/{Sid}` JSON body. A transfer's status follows its target's task, so the one change a
/// client can make is to give up a transfer nobody has taken yet (`"status": "failed"`); naming the status it already
/// has changes nothing, and keys Twilio's schema does not define are ignored as Twilio ignores them.
public struct InteractionTransferChanges: Sendable, Equatable {
    /// `status`: `active`, `completed` or `failed`, when sent.
    public var status: String?

    /// The statuses of `interaction_transfer_enum_transfer_status`.
    public static let statuses: Set<String> = ["active", "completed", "failed"]

    /// Parses the body (an empty body changes nothing), refusing with 20001 what is not a JSON object or a known status.
    public static func parse(json text: String) throws(TwilioError) -> InteractionTransferChanges {
        guard !text.allSatisfy(\.isWhitespace) else { return InteractionTransferChanges(status: nil) }
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        guard let value = body[member: "status"], value != .null else { return InteractionTransferChanges(status: nil) }
        guard let status = value.stringValue, statuses.contains(status) else {
            throw .invalidParameter("status must be one of: \(statuses.sorted().joined(separator: ", "))")
        }
        return InteractionTransferChanges(status: status)
    }

    /// Checks the change against the transfer's current status: a change to another status is only possible from
    /// `active` to `failed`. Returns whether the target's task is to be canceled.
    public func cancelsTarget(currentStatus: String) throws(TwilioError) -> Bool {
        guard let status, status != currentStatus else { return false }
        guard status == "failed", currentStatus == "active" else {
            throw .invalidParameter("A \(currentStatus) transfer cannot become \(status): its status follows the target's task")
        }
        return true
    }
}

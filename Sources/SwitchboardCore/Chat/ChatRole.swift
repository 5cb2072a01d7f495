public import struct Foundation.Date

/// A role of a Chat (and Conversations) service: the permissions a user holds in the service (`deployment`) or a
/// member holds in a channel (`channel`).
public struct ChatRole: Sendable, Equatable, Codable {
    /// The `RL…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The service the role belongs to.
    public var serviceSid: String
    /// The display name, such as `channel user`.
    public var friendlyName: String
    /// `deployment` (a service role, Conversations' `service`) or `channel` (Conversations' `conversation`).
    public var type: String
    /// The permissions granted, such as `sendMessage`.
    public var permissions: [String]
    /// When the role was created.
    public var dateCreated: Date
    /// When the role last changed.
    public var dateUpdated: Date

    /// Creates a role value.
    public init(sid: String, accountSid: String, serviceSid: String, friendlyName: String, type: String, permissions: [String],
                dateCreated: Date, dateUpdated: Date) {
        self.sid = sid
        self.accountSid = accountSid
        self.serviceSid = serviceSid
        self.friendlyName = friendlyName
        self.type = type
        self.permissions = permissions
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// The roles every Chat service starts with, and the rules for roles and role assignments, with Twilio's codes.
public enum ChatRoleRules {
    /// The type of a service-scoped role.
    public static let serviceType = "deployment"
    /// The type of a channel-scoped role.
    public static let channelType = "channel"

    /// One of the four roles Twilio creates with a service, by its documented name and permissions.
    public struct DefaultRole: Sendable {
        /// The role's name.
        public let friendlyName: String
        /// `deployment` or `channel`.
        public let type: String
        /// The permissions Twilio grants it.
        public let permissions: [String]
    }

    /// `service admin`: what a user may do in a service when an administrator.
    public static let serviceAdmin = DefaultRole(friendlyName: "service admin", type: serviceType, permissions: [
        "createChannel", "joinChannel", "destroyChannel", "inviteMember", "removeMember", "editChannelName", "editChannelAttributes",
        "addMember", "editAnyMessage", "editAnyMessageAttributes", "deleteAnyMessage", "editAnyUserInfo", "editOwnUserInfo",
    ])
    /// `service user`: the role users get unless another is named.
    public static let serviceUser = DefaultRole(friendlyName: "service user", type: serviceType, permissions: [
        "createChannel", "joinChannel", "editOwnUserInfo",
    ])
    /// `channel admin`: the role of a channel's creator.
    public static let channelAdmin = DefaultRole(friendlyName: "channel admin", type: channelType, permissions: [
        "sendMessage", "sendMediaMessage", "leaveChannel", "editChannelName", "editChannelAttributes", "inviteMember", "removeMember",
        "addMember", "destroyChannel", "editOwnMessage", "editOwnMessageAttributes", "editAnyMessage", "editAnyMessageAttributes",
        "deleteOwnMessage", "deleteAnyMessage",
    ])
    /// `channel user`: the role members and invitees get unless another is named.
    public static let channelUser = DefaultRole(friendlyName: "channel user", type: channelType, permissions: [
        "sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage",
    ])
    /// The four, in the order they are created (and listed).
    public static let defaults = [serviceAdmin, serviceUser, channelAdmin, channelUser]

    /// A new role; `FriendlyName`, `Type` (`channel` or `deployment`) and at least one `Permission` are required.
    public static func role(friendlyName: String?, type: String?, permissions: [String], sid: String, service: ChatService,
                            now: Date) throws(TwilioError) -> ChatRole {
        guard let friendlyName, !friendlyName.isEmpty else { throw .missingParameter("FriendlyName") }
        try TextLimit.shortFriendlyName.check(friendlyName, parameter: "FriendlyName")
        guard let type, !type.isEmpty else { throw .missingParameter("Type") }
        guard type == serviceType || type == channelType else { throw invalidType(type) }
        return ChatRole(sid: sid, accountSid: service.accountSid, serviceSid: service.sid, friendlyName: friendlyName, type: type,
                        permissions: try checked(permissions), dateCreated: now, dateUpdated: now)
    }

    /// The `Permission` values of a create or update: at least one, none empty, each once.
    public static func checked(_ permissions: [String]) throws(TwilioError) -> [String] {
        guard !permissions.isEmpty else { throw .missingParameter("Permission") }
        guard !permissions.contains(where: \.isEmpty) else { throw .invalidParameter("Permission must not be empty") }
        var seen = Set<String>()
        return permissions.filter { seen.insert($0).inserted }
    }

    /// 50105: a role type that is neither `channel` nor `deployment`.
    public static func invalidType(_ type: String) -> TwilioError {
        TwilioError(code: 50105, message: "Invalid role type '\(type)': must be channel or deployment", httpStatus: 400)
    }

    /// 50100: `RoleSid` names no service role of this service.
    public static func roleNotFound(_ sid: String) -> TwilioError {
        TwilioError(code: 50100, message: "Role not found: \(sid)", httpStatus: 400)
    }

    /// 50101: `RoleSid` names no channel role of this service.
    public static func channelRoleNotFound(_ sid: String) -> TwilioError {
        TwilioError(code: 50101, message: "Channel role not found: \(sid)", httpStatus: 400)
    }
}

extension TextLimit {
    /// The `FriendlyName` of a role or push credential: Twilio allows up to 64 characters.
    public static let shortFriendlyName = TextLimit(maximum: 64, measure: .characters)
}

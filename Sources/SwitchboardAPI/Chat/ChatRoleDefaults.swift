import Foundation
import SwitchboardCore
import SwitchboardStorage

/// The four roles a Chat service starts with (Twilio's `service admin`, `service user`, `channel admin` and
/// `channel user`), and the checks of a `RoleSid` against the service's roles.
///
/// A service created from now on gets them with its create; a service stored before roles existed, or inserted by
/// a path that knows nothing of roles, gets them on first need, in the write that needs them (``ensure``) or, before
/// a read, in a write of its own (``service(_:dependencies:)``).
enum ChatRoleDefaults {
    /// `service` with its default roles, created in `session` (the caller's write) if it has none yet.
    static func ensure(_ service: ChatService, session: any StorageSession, sids: any SidGenerator, now: Date) async throws -> ChatService {
        guard service.defaultServiceRoleSid == nil else { return service }
        // Two first requests at once must not both create the four roles: the second waits, then sees the first's.
        try await session.chatServices.lock(sid: service.sid)
        guard var current = try await session.chatServices.find(sid: service.sid, accountSid: service.accountSid) else { return service }
        guard current.defaultServiceRoleSid == nil else { return current }
        var created: [String: String] = [:]
        for role in ChatRoleRules.defaults {
            let stored = ChatRole(sid: sids.make(.chatRole), accountSid: current.accountSid, serviceSid: current.sid, friendlyName: role.friendlyName,
                                  type: role.type, permissions: role.permissions, dateCreated: now, dateUpdated: now)
            try await session.chatRoles.insert(stored)
            created[role.friendlyName] = stored.sid
        }
        current.defaultServiceRoleSid = created[ChatRoleRules.serviceUser.friendlyName]
        current.defaultChannelRoleSid = created[ChatRoleRules.channelUser.friendlyName]
        current.defaultChannelCreatorRoleSid = created[ChatRoleRules.channelAdmin.friendlyName]
        try await session.chatServices.update(current)
        return current
    }

    /// The service of the path (`{serviceSid}`), with its default roles; only a service that has none yet costs a write.
    static func service(_ context: SwitchboardRequestContext, dependencies: ServerDependencies, parameter: String = "serviceSid") async throws -> ChatService {
        let service = try await dependencies.storage.read { try await ChatScope.service(context, session: $0, parameter: parameter) }
        return try await ensured(service, dependencies: dependencies)
    }

    /// `service` with its default roles, created in a write of their own when it has none yet.
    static func ensured(_ service: ChatService, dependencies: ServerDependencies) async throws -> ChatService {
        guard service.defaultServiceRoleSid == nil else { return service }
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        return try await dependencies.storage.write { try await ensure(service, session: $0, sids: sids, now: now) }
    }

    /// The service role `sid` names in `service`, for a user's `RoleSid`; 50100 when there is none.
    static func serviceRole(_ sid: String, in service: ChatService, session: any StorageSession) async throws -> ChatRole {
        guard let role = try await session.chatRoles.find(sid: sid, serviceSid: service.sid), role.type == ChatRoleRules.serviceType else {
            throw ChatRoleRules.roleNotFound(sid)
        }
        return role
    }

    /// The channel role `sid` names in `service`, for a member's or invite's `RoleSid`; 50101 when there is none.
    static func channelRole(_ sid: String, in service: ChatService, session: any StorageSession) async throws -> ChatRole {
        guard let role = try await session.chatRoles.find(sid: sid, serviceSid: service.sid), role.type == ChatRoleRules.channelType else {
            throw ChatRoleRules.channelRoleNotFound(sid)
        }
        return role
    }
}

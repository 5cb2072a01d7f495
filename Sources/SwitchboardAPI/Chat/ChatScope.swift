import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// Resolves the service and channel of a Chat path; another account's resource answers the same 20404 as a missing one.
enum ChatScope {
    static func service(_ context: SwitchboardRequestContext, session: any StorageSession, parameter: String = "serviceSid") async throws -> ChatService {
        let sid = try context.parameters.require(parameter)
        let accountSid = try context.requirePrincipal().account.sid
        guard let service = try await session.chatServices.find(sid: sid, accountSid: accountSid) else { throw context.notFound }
        return service
    }

    /// The channel named by `{channelSid}` (or `{sid}`): its SID or, as Twilio allows, its unique name.
    static func channel(_ context: SwitchboardRequestContext, session: any StorageSession, parameter: String = "channelSid") async throws -> ChatChannel {
        let service = try await service(context, session: session)
        let key = try context.parameters.require(parameter)
        if let channel = try await session.chatChannels.find(sid: key, serviceSid: service.sid) { return channel }
        if let channel = try await session.chatChannels.find(uniqueName: key, serviceSid: service.sid) { return channel }
        throw context.notFound
    }

    /// The user named by `{sid}` (or another parameter): its SID or, as Twilio allows, its identity.
    static func user(_ context: SwitchboardRequestContext, session: any StorageSession, parameter: String = "sid") async throws -> ChatUser {
        let service = try await service(context, session: session)
        let key = try context.parameters.require(parameter)
        if let user = try await session.chatUsers.find(sid: key, serviceSid: service.sid) { return user }
        if let user = try await session.chatUsers.find(identity: key, serviceSid: service.sid) { return user }
        throw context.notFound
    }

    static func serviceURL(_ serviceSid: String, baseURL: String) -> String { baseURL + "/v2/Services/" + serviceSid }

    static func channelURL(_ channel: ChatChannel, baseURL: String) -> String {
        serviceURL(channel.serviceSid, baseURL: baseURL) + "/Channels/" + channel.sid
    }
}

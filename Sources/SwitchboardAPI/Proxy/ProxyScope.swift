import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// Resolves the service and session of a Proxy path; another account's resource answers the same 20404 as a missing one.
enum ProxyScope {
    /// The service named by `{serviceSid}`: its SID or, as Twilio allows, its unique name.
    static func service(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ProxyService {
        let key = try context.parameters.require("serviceSid")
        let accountSid = try context.requirePrincipal().account.sid
        if let service = try await session.proxyServices.find(sid: key, accountSid: accountSid) { return service }
        if let service = try await session.proxyServices.find(uniqueName: key, accountSid: accountSid) { return service }
        throw context.notFound
    }

    /// The session named by `{sessionSid}`: its SID or its unique name.
    static func session(_ context: SwitchboardRequestContext, session storage: any StorageSession) async throws -> ProxySession {
        let service = try await service(context, session: storage)
        let key = try context.parameters.require("sessionSid")
        if let session = try await storage.proxySessions.find(sid: key, serviceSid: service.sid) { return session }
        if let session = try await storage.proxySessions.find(uniqueName: key, serviceSid: service.sid) { return session }
        throw context.notFound
    }

    static func serviceURL(_ serviceSid: String, baseURL: String) -> String { baseURL + "/v1/Services/" + serviceSid }

    static func sessionURL(_ serviceSid: String, _ sessionSid: String, baseURL: String) -> String {
        serviceURL(serviceSid, baseURL: baseURL) + "/Sessions/" + sessionSid
    }
}

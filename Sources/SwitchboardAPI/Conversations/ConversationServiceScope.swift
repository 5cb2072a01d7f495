import Foundation
import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// The Conversations service a request acts on: the one `/v1/Services/{ChatServiceSid}/…` names, else the account's default.
///
/// A Conversations service is a Chat v2 service (the same `IS…` row in `chatServices`). The account's default is
/// named by its `Configuration` (`default_chat_service_sid`) and created on first need, in the write that needs it.
/// In a write, call ``resolve(_:in:sids:now:)``; before a read, call ``resolve(_:dependencies:)``, which creates the
/// default in a write of its own only when the account has none yet. An unknown or another account's service is 20404.
struct ConversationServiceScope: Sendable {
    /// The path parameter of service routes: register them as `Services/:chatServiceSid/…`.
    static let parameter = "chatServiceSid"
    /// The two places a Conversations resource is routed: under `/v1` (the default service) and under a named service.
    static let routePrefixes = ["", "Services/:\(parameter)/"]

    /// The service.
    let service: ChatService
    /// Whether it is the account's default service, whose conversations may be stored without a service.
    let isDefault: Bool
    /// Whether the path named the service: URLs and links then stay under `/v1/Services/{ChatServiceSid}`.
    let isNamedByPath: Bool
    /// The account's `Configuration`, with the defaults new conversations start with.
    let configuration: ConversationAccountConfiguration

    /// The `IS…` SID.
    var sid: String { service.sid }

    /// Which conversations belong to the service.
    var conversations: ConversationServiceFilter { ConversationServiceFilter(serviceSid: service.sid, isDefault: isDefault) }

    /// Where this request's resource URLs start: `…/v1/Services/IS…` under a service path, `…/v1` otherwise.
    func root(baseURL: String) -> String {
        isNamedByPath ? Self.serviceURL(service.sid, baseURL: baseURL) : baseURL + "/v1"
    }

    /// A service's own URL, `…/v1/Services/IS…`.
    static func serviceURL(_ serviceSid: String, baseURL: String) -> String { baseURL + "/v1/Services/" + serviceSid }

    /// The scope of a request inside a write: the path's service, or the account's default, created now if needed.
    static func resolve(_ context: SwitchboardRequestContext, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws -> ConversationServiceScope {
        let accountSid = try context.requirePrincipal().account.sid
        let named = context.parameters.get(parameter)
        let ensured = try await accountConfiguration(accountSid: accountSid, in: session, sids: sids, now: now)
        // Held until this write commits, so the default cannot move under what it stores; read again once held.
        try await session.conversationConfiguration.shareAccountConfiguration(accountSid: accountSid)
        let configuration = try await session.conversationConfiguration.accountConfiguration(accountSid: accountSid) ?? ensured
        return try await scope(named: named, configuration: configuration, in: session, notFound: context.notFound)
    }

    /// The scope of a request about to read: the path's service, or the account's default, which only an account
    /// that never had one gets created, in its own write.
    static func resolve(_ context: SwitchboardRequestContext, dependencies: ServerDependencies) async throws -> ConversationServiceScope {
        let accountSid = try context.requirePrincipal().account.sid
        let named = context.parameters.get(parameter)
        let notFound = context.notFound
        if let scope = try await dependencies.storage.read({ session -> ConversationServiceScope? in
            guard let configuration = try await session.conversationConfiguration.accountConfiguration(accountSid: accountSid) else { return nil }
            guard let service = try await session.chatServices.find(sid: named ?? configuration.defaultChatServiceSid, accountSid: accountSid) else {
                // A default deleted through Chat's `/v2/Services` is replaced, which takes a write.
                if named == nil { return nil }
                throw notFound
            }
            return ConversationServiceScope(service: service, named: named, configuration: configuration)
        }) {
            return scope
        }
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        return try await dependencies.storage.write { session in
            let configuration = try await accountConfiguration(accountSid: accountSid, in: session, sids: sids, now: now)
            return try await scope(named: named, configuration: configuration, in: session, notFound: notFound)
        }
    }

    /// The account's `Configuration`, creating it with a new default service when the account has none yet, or
    /// when its default was deleted through Chat's `/v2/Services`.
    static func accountConfiguration(accountSid: String, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws -> ConversationAccountConfiguration {
        let repository = session.conversationConfiguration
        func usable() async throws -> ConversationAccountConfiguration? {
            guard let configuration = try await repository.accountConfiguration(accountSid: accountSid),
                  try await session.chatServices.find(sid: configuration.defaultChatServiceSid, accountSid: accountSid) != nil
            else { return nil }
            return configuration
        }
        if let configuration = try await usable() { return configuration }
        try await repository.holdAccountConfiguration(accountSid: accountSid)
        if let configuration = try await usable() { return configuration }
        let service = try ChatRules.service(friendlyName: defaultServiceName, sid: sids.make(.conversationService), accountSid: accountSid, now: now)
        try await session.chatServices.insert(service)
        _ = try await ChatRoleDefaults.ensure(service, session: session, sids: sids, now: now)
        var configuration = try await repository.accountConfiguration(accountSid: accountSid)
            ?? ConversationAccountConfiguration(accountSid: accountSid, defaultChatServiceSid: service.sid)
        configuration.defaultChatServiceSid = service.sid
        try await repository.saveAccountConfiguration(configuration)
        return configuration
    }

    /// The name Twilio gives the default service it creates.
    static let defaultServiceName = "Default Conversations Service"

    /// The service `named` by the path, or the configuration's default; 20404 when the account has no such service.
    static func scope(named: String?, configuration: ConversationAccountConfiguration, in session: any StorageSession,
                      notFound: TwilioError) async throws -> ConversationServiceScope {
        let sid = named ?? configuration.defaultChatServiceSid
        guard let service = try await session.chatServices.find(sid: sid, accountSid: configuration.accountSid) else { throw notFound }
        return ConversationServiceScope(service: service, named: named, configuration: configuration)
    }
}

// In an extension, so the memberwise initializer stays.
extension ConversationServiceScope {
    /// The scope of `service`, found for the path's `named` service or, when it named none, the configuration's default.
    init(service: ChatService, named: String?, configuration: ConversationAccountConfiguration) {
        self.init(service: service, isDefault: service.sid == configuration.defaultChatServiceSid, isNamedByPath: named != nil,
                  configuration: configuration)
    }
}

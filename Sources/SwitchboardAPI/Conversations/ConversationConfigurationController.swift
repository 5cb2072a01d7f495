import Foundation
public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Configuration` (the account's default service, messaging service and timers) and a service's
/// `/v1/Services/{ChatServiceSid}/Configuration`, `…/Configuration/Notifications` and `…/Configuration/Webhooks`
/// on `conversations`.
public struct ConversationConfigurationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Configuration", use: fetchAccount)
        routes.post("Configuration", use: updateAccount)
        let service = "Services/:\(ConversationServiceScope.parameter)/Configuration"
        routes.get(RouterPath(service), use: fetchService)
        routes.post(RouterPath(service), use: updateService)
        routes.get(RouterPath(service + "/Notifications"), use: fetchNotifications)
        routes.post(RouterPath(service + "/Notifications"), use: updateNotifications)
        routes.get(RouterPath(service + "/Webhooks"), use: fetchWebhooks)
        routes.post(RouterPath(service + "/Webhooks"), use: updateWebhooks)
        return routes
    }

    // MARK: Account

    @Sendable func fetchAccount(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        return JSONResponse.make(Self.accountJSON(scope.configuration, baseURL: context.domainBaseURL))
    }

    /// A new `DefaultChatServiceSid` must be one of the account's services. Conversations stored without a service
    /// belonged to the old default; they are given its SID in the same write, so they stay where they were created.
    @Sendable func updateAccount(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let accountSid = try context.requirePrincipal().account.sid
        let newDefault = form.string("DefaultChatServiceSid")
        if let newDefault { try Self.checkSid(newDefault, prefix: "IS", parameter: "DefaultChatServiceSid") }
        let messagingService = form.string("DefaultMessagingServiceSid")
        if let messagingService, !messagingService.isEmpty { try Self.checkSid(messagingService, prefix: "MG", parameter: "DefaultMessagingServiceSid") }
        let inactive = try Self.timer(form, "DefaultInactiveTimer", minimum: 60)
        let closed = try Self.timer(form, "DefaultClosedTimer", minimum: 600)
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let configuration = try await dependencies.storage.write { session in
            // Exclusive: writers that chose the old default for their conversations commit first.
            try await session.conversationConfiguration.holdAccountConfiguration(accountSid: accountSid)
            var configuration = try await ConversationServiceScope.accountConfiguration(accountSid: accountSid, in: session, sids: sids, now: now)
            if let newDefault, newDefault != configuration.defaultChatServiceSid {
                guard try await session.chatServices.find(sid: newDefault, accountSid: accountSid) != nil else {
                    throw TwilioError.invalidParameter("DefaultChatServiceSid \(newDefault) is not a Conversations service of this account")
                }
                try await session.conversations.assignService(configuration.defaultChatServiceSid, toUnassignedOf: accountSid)
                configuration.defaultChatServiceSid = newDefault
            }
            if let messagingService { configuration.defaultMessagingServiceSid = messagingService.isEmpty ? nil : messagingService }
            if let inactive { configuration.defaultInactiveTimer = inactive.isEmpty ? nil : inactive }
            if let closed { configuration.defaultClosedTimer = closed.isEmpty ? nil : closed }
            try await session.conversationConfiguration.saveAccountConfiguration(configuration)
            return configuration
        }
        return JSONResponse.make(Self.accountJSON(configuration, baseURL: context.domainBaseURL))
    }

    /// A timer parameter: an ISO 8601 duration of at least `minimum` seconds, or empty to clear it.
    static func timer(_ form: FormParameters, _ name: String, minimum: TimeInterval) throws(TwilioError) -> String? {
        guard let text = form.string(name) else { return nil }
        guard !text.isEmpty else { return text }
        guard try ConversationRules.duration(text, parameter: name) >= minimum else {
            throw .invalidParameter("\(name) must be at least \(Int(minimum / 60)) minutes")
        }
        return text
    }

    /// A SID parameter: the prefix and 32 hexadecimal digits, as Twilio's pattern says.
    static func checkSid(_ sid: String, prefix: String, parameter: String) throws(TwilioError) {
        let digits = sid.dropFirst(prefix.count)
        guard sid.hasPrefix(prefix), digits.count == 32, digits.allSatisfy(\.isHexDigit) else {
            throw .invalidParameter("\(parameter) must be a \(prefix) SID")
        }
    }

    /// `conversations.v1.configuration`.
    static func accountJSON(_ configuration: ConversationAccountConfiguration, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(configuration.accountSid)),
            ("default_chat_service_sid", .string(configuration.defaultChatServiceSid)),
            ("default_messaging_service_sid", .string(configuration.defaultMessagingServiceSid)),
            ("default_inactive_timer", .string(configuration.defaultInactiveTimer)),
            ("default_closed_timer", .string(configuration.defaultClosedTimer)),
            ("url", .string(baseURL + "/v1/Configuration")),
            ("links", .object([
                ("service", .string(ConversationServiceScope.serviceURL(configuration.defaultChatServiceSid, baseURL: baseURL) + "/Configuration")),
                ("webhooks", .string(baseURL + "/v1/Configuration/Webhooks")),
            ])),
        ])
    }

    // MARK: Service

    @Sendable func fetchService(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (service, configuration) = try await serviceState(context)
        return JSONResponse.make(Self.serviceJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// The default roles are the Chat service's: a conversation role must be a `channel` role of the service and
    /// the service role a `deployment` one.
    @Sendable func updateService(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let reachability = try form.bool("ReachabilityEnabled")
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let (service, configuration) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            var service = try await ChatRoleDefaults.ensure(scope.service, session: session, sids: sids, now: now)
            if let sid = form.string("DefaultConversationCreatorRoleSid") {
                service.defaultChannelCreatorRoleSid = try await ChatRoleDefaults.channelRole(sid, in: service, session: session).sid
            }
            if let sid = form.string("DefaultConversationRoleSid") {
                service.defaultChannelRoleSid = try await ChatRoleDefaults.channelRole(sid, in: service, session: session).sid
            }
            if let sid = form.string("DefaultChatServiceRoleSid") {
                service.defaultServiceRoleSid = try await ChatRoleDefaults.serviceRole(sid, in: service, session: session).sid
            }
            if service != scope.service {
                service.dateUpdated = now
                try await session.chatServices.update(service)
            }
            var configuration = try await Self.configuration(of: service, in: session)
            if let reachability {
                configuration.reachabilityEnabled = reachability
                try await session.conversationConfiguration.saveServiceConfiguration(configuration)
            }
            return (service, configuration)
        }
        return JSONResponse.make(Self.serviceJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// `conversations.v1.service.service_configuration`.
    static func serviceJSON(_ service: ChatService, _ configuration: ConversationServiceConfiguration, baseURL: String) -> JSONValue {
        let url = ConversationServiceScope.serviceURL(service.sid, baseURL: baseURL) + "/Configuration"
        return .object([
            ("chat_service_sid", .string(service.sid)),
            ("default_conversation_creator_role_sid", .string(service.defaultChannelCreatorRoleSid)),
            ("default_conversation_role_sid", .string(service.defaultChannelRoleSid)),
            ("default_chat_service_role_sid", .string(service.defaultServiceRoleSid)),
            ("url", .string(url)),
            ("links", .object([
                ("notifications", .string(url + "/Notifications")),
                ("webhooks", .string(url + "/Webhooks")),
            ])),
            ("reachability_enabled", .bool(configuration.reachabilityEnabled)),
        ])
    }

    // MARK: Notifications

    @Sendable func fetchNotifications(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (service, configuration) = try await serviceState(context)
        return JSONResponse.make(Self.notificationsJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// Stored as given: Switchboard sends no push notifications, but clients read back what they configured.
    @Sendable func updateNotifications(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        @Sendable func apply(_ prefix: String, to setting: inout ConversationNotificationSetting, sound: Bool = true) throws(TwilioError) {
            if let enabled = try form.bool(prefix + ".Enabled") { setting.enabled = enabled }
            if let template = form.string(prefix + ".Template") { setting.template = template.isEmpty ? nil : template }
            if sound, let text = form.string(prefix + ".Sound") { setting.sound = text.isEmpty ? nil : text }
        }
        let logEnabled = try form.bool("LogEnabled")
        let badgeCount = try form.bool("NewMessage.BadgeCountEnabled")
        let (service, configuration) = try await updateConfiguration(context) { configuration in
            if let logEnabled { configuration.notificationLogEnabled = logEnabled }
            if let badgeCount { configuration.newMessageBadgeCountEnabled = badgeCount }
            try apply("NewMessage", to: &configuration.newMessage)
            try apply("NewMessage.WithMedia", to: &configuration.newMessageWithMedia, sound: false)
            try apply("AddedToConversation", to: &configuration.addedToConversation)
            try apply("RemovedFromConversation", to: &configuration.removedFromConversation)
        }
        return JSONResponse.make(Self.notificationsJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// `conversations.v1.service.service_configuration.service_notification`.
    static func notificationsJSON(_ service: ChatService, _ configuration: ConversationServiceConfiguration, baseURL: String) -> JSONValue {
        func setting(_ setting: ConversationNotificationSetting, extra: [(String, JSONValue)] = [], sound: Bool = true) -> JSONValue {
            var members: [(String, JSONValue)] = [("enabled", .bool(setting.enabled))]
            if let template = setting.template { members.append(("template", .string(template))) }
            if sound, let value = setting.sound { members.append(("sound", .string(value))) }
            return .object(members + extra)
        }
        return .object([
            ("account_sid", .string(service.accountSid)),
            ("chat_service_sid", .string(service.sid)),
            ("new_message", setting(configuration.newMessage, extra: [
                ("badge_count_enabled", .bool(configuration.newMessageBadgeCountEnabled)),
                ("with_media", setting(configuration.newMessageWithMedia, sound: false)),
            ])),
            ("added_to_conversation", setting(configuration.addedToConversation)),
            ("removed_from_conversation", setting(configuration.removedFromConversation)),
            ("log_enabled", .bool(configuration.notificationLogEnabled)),
            ("url", .string(ConversationServiceScope.serviceURL(service.sid, baseURL: baseURL) + "/Configuration/Notifications")),
        ])
    }

    // MARK: Webhooks

    @Sendable func fetchWebhooks(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (service, configuration) = try await serviceState(context)
        return JSONResponse.make(Self.webhooksJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// URLs must be web URLs, `Method` `GET` or `POST`, and filters Conversations' event names, as for the account's
    /// `Configuration/Webhooks`.
    @Sendable func updateWebhooks(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let preURL = form.string("PreWebhookUrl")
        let postURL = form.string("PostWebhookUrl")
        let filters = form.strings("Filters").filter { !$0.isEmpty }
        let method = form.string("Method")
        for (name, url) in [("PreWebhookUrl", preURL), ("PostWebhookUrl", postURL)] {
            if let url, !url.isEmpty, !MessageRules.isWebURL(url) { throw TwilioError.invalidParameter("\(name) must be an http or https URL") }
        }
        _ = try ConversationWebhookRules.check(url: nil, method: method, filters: filters, parameterPrefix: "")
        let (service, configuration) = try await updateConfiguration(context) { configuration in
            if let preURL { configuration.preWebhookUrl = preURL.isEmpty ? nil : preURL }
            if let postURL { configuration.postWebhookUrl = postURL.isEmpty ? nil : postURL }
            if !filters.isEmpty { configuration.webhookFilters = filters }
            if let method { configuration.webhookMethod = method.uppercased() }
        }
        return JSONResponse.make(Self.webhooksJSON(service, configuration, baseURL: context.domainBaseURL))
    }

    /// `conversations.v1.service.service_configuration.service_webhook_configuration`.
    static func webhooksJSON(_ service: ChatService, _ configuration: ConversationServiceConfiguration, baseURL: String) -> JSONValue {
        .object([
            ("account_sid", .string(service.accountSid)),
            ("chat_service_sid", .string(service.sid)),
            ("pre_webhook_url", .string(configuration.preWebhookUrl)),
            ("post_webhook_url", .string(configuration.postWebhookUrl)),
            ("filters", .array(configuration.webhookFilters.map { JSONValue.string($0) })),
            ("method", .string(configuration.webhookMethod)),
            ("url", .string(ConversationServiceScope.serviceURL(service.sid, baseURL: baseURL) + "/Configuration/Webhooks")),
        ])
    }

    // MARK: Shared

    /// The path's service with its default roles, and its stored configuration or Twilio's defaults.
    func serviceState(_ context: SwitchboardRequestContext) async throws -> (ChatService, ConversationServiceConfiguration) {
        let scope = try await ConversationServiceScope.resolve(context, dependencies: dependencies)
        let service = try await ChatRoleDefaults.ensured(scope.service, dependencies: dependencies)
        let configuration = try await dependencies.storage.read { try await Self.configuration(of: service, in: $0) }
        return (service, configuration)
    }

    /// Changes the path's service's configuration in one write.
    func updateConfiguration(_ context: SwitchboardRequestContext,
                             _ change: @escaping @Sendable (inout ConversationServiceConfiguration) throws -> Void) async throws -> (ChatService, ConversationServiceConfiguration) {
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        return try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            var configuration = try await Self.configuration(of: scope.service, in: session)
            try change(&configuration)
            try await session.conversationConfiguration.saveServiceConfiguration(configuration)
            return (scope.service, configuration)
        }
    }

    /// The service's stored configuration, or Twilio's defaults for a service nobody configured.
    static func configuration(of service: ChatService, in session: any StorageSession) async throws -> ConversationServiceConfiguration {
        try await session.conversationConfiguration.serviceConfiguration(serviceSid: service.sid)
            ?? ConversationServiceConfiguration(accountSid: service.accountSid, chatServiceSid: service.sid)
    }
}

import SwitchboardStorage
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle
import SwitchboardRouting
import SwitchboardDelivery
import SwitchboardConversations
import SwitchboardProxy

/// Builds the Switchboard HTTP application; used by `switchboard serve` and by the tests.
public func buildApplication(
    configuration: ServerConfiguration, dependencies: ServerDependencies, logger: Logger
) -> some ApplicationProtocol {
    let webhooks = HTTPWebhookTransport(addressGuard: WebhookAddressGuard(allowPrivateTargets: configuration.allowPrivateWebhooks))
    let providerConnectors = dependencies.providerConnectors(webhooks)
    let senders = SenderDirectory(providerConnectors, secretBox: dependencies.secretBox,
                                  baseURL: configuration.switchboardBaseURL)
    let router = buildRouter(configuration: configuration, dependencies: dependencies, senders: senders)
    let dispatcher = OutboxDispatcher(
        storage: dependencies.storage, connectors: dependencies.connectors, webhooks: webhooks, sids: dependencies.sids,
        time: dependencies.time, doorbell: dependencies.doorbell, settings: configuration.dispatcher, logger: logger,
        answerReaders: [
            AssignmentInstructionReader(routing: dependencies.routing, logger: logger),
            IncomingMessageAnswerReader(storage: dependencies.storage, sids: dependencies.sids, time: dependencies.time, logger: logger),
        ],
        senders: senders)
    return Application(
        responder: FrontDoorResponder(next: router.buildResponder(), publicURL: configuration.publicURL,
                                      trustedProxies: configuration.trustedProxies),
        server: .http1(configuration: .init(
            additionalChannelHandlers: [RequestDeadlineHandler(timeouts: configuration.requestTimeouts, logger: logger)],
            idleTimeout: TimeAmount(configuration.requestTimeouts.idle))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "Switchboard",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
        // Services stop in reverse order: the dispatcher finishes its deliveries before the webhook client closes.
        services: changeListener(dependencies) + [
            RoutingTimerService(engine: dependencies.routing, logger: logger),
            ConversationTimerService(storage: dependencies.storage, routing: dependencies.routing, sids: dependencies.sids,
                                     time: dependencies.time, logger: logger),
            ProxySessionExpiry(storage: dependencies.storage, time: dependencies.time, logger: logger),
        ]
            // Connectors with sessions of their own (SMPP) close them after the dispatcher's last delivery.
            + providerConnectors.compactMap { $0 as? any Service }
            + [webhooks, dispatcher] + smtpListener(configuration: configuration, dependencies: dependencies, logger: logger),
        logger: logger
    )
}

/// The database change listener when other processes share the database; first, so it stops last.
func changeListener(_ dependencies: ServerDependencies) -> [any Service] {
    dependencies.changeListener.map { [ChangeListenerService(listener: $0)] } ?? []
}

/// The SMTP listener for inbound email when `--smtp-port` is given; last, so it stops taking mail first.
func smtpListener(configuration: ServerConfiguration, dependencies: ServerDependencies, logger: Logger) -> [any Service] {
    guard let port = configuration.smtpPort else { return [] }
    let drop = EmailInbound(storage: dependencies.storage, inbound: dependencies.inbound, logger: logger)
    return [SMTPListener(host: configuration.host, port: port, maximumMessageBytes: configuration.smtpMaxMessageBytes, drop: drop,
                         tls: configuration.smtpTLS, logger: logger)]
}

/// The routes of every Twilio domain, each under its path prefix; ``FrontDoorResponder`` maps Host-addressed
/// requests onto the same prefixes.
func buildRouter(
    configuration: ServerConfiguration, dependencies: ServerDependencies, senders: SenderDirectory,
    methods: RouteMethodTable = RouteMethodTable()
) -> Router<SwitchboardRequestContext> {
    // HEAD answers wherever GET does, as Twilio's API does.
    let router = Router(context: SwitchboardRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost, so errors count with the status they answer; the front door writes the access log.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: TwilioErrorMiddleware())
    router.addRoutes(HealthController().endpoints)
    router.addRoutes(MetricsController(dependencies: dependencies).endpoints)
    router.addRoutes(DesktopController().endpoints)
    // Providers authenticate by their signatures, which the sender's connector checks, not by Basic credentials.
    router.addRoutes(SenderInboundController(dependencies: dependencies, senders: senders).endpoints, atPath: "/switchboard/v1")
    let inFlight = InFlightRequests(limit: configuration.maxConcurrentRequestsPerAccount)
    let authenticated = RouteMethods(base: router.group()
        .add(middleware: AccountConcurrencyPrecheckMiddleware(inFlight: inFlight))
        .add(middleware: AuthenticationMiddleware(storage: dependencies.storage, secretBox: dependencies.secretBox, credentials: dependencies.credentials))
        .add(middleware: AgentScopeMiddleware(storage: dependencies.storage))
        .add(middleware: AccountConcurrencyLimitMiddleware(inFlight: inFlight)), table: methods)
    authenticated.addRoutes(FlexFlowController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(InteractionController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(InteractionChannelController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(InteractionParticipantController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(InteractionInviteController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(InteractionTransferController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    for conversations in [
        ConversationController(dependencies: dependencies).endpoints,
        ConversationServiceController(dependencies: dependencies).endpoints,
        ConversationConfigurationController(dependencies: dependencies).endpoints,
        ConversationWithParticipantsController(dependencies: dependencies).endpoints,
        ConversationParticipantController(dependencies: dependencies).endpoints,
        ConversationMessageController(dependencies: dependencies).endpoints,
        ParticipantConversationController(dependencies: dependencies).endpoints,
        ConfigurationAddressController(dependencies: dependencies).endpoints,
        ConversationWebhookController(dependencies: dependencies).endpoints,
        ConversationRoleController(dependencies: dependencies).endpoints,
        ConversationCredentialController(dependencies: dependencies).endpoints,
        ConversationBindingController(dependencies: dependencies).endpoints,
        ConversationUserController(dependencies: dependencies).endpoints,
        UserConversationController(dependencies: dependencies).endpoints,
    ] {
        authenticated.addRoutes(conversations, atPath: "/conversations/v1")
    }
    authenticated.addRoutes(ContentController(dependencies: dependencies, senders: senders).endpoints, atPath: "/content/v1")
    authenticated.addRoutes(FlexChannelController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(WebChannelController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    authenticated.addRoutes(FlexConfigurationController(dependencies: dependencies).endpoints, atPath: "/flex-api/v1")
    for chat in [
        ChatServiceController(dependencies: dependencies).endpoints,
        ChatUserController(dependencies: dependencies).endpoints,
        ChatChannelController(dependencies: dependencies).endpoints,
        ChatMemberController(dependencies: dependencies).endpoints,
        ChatMessageController(dependencies: dependencies).endpoints,
        ChatChannelWebhookController(dependencies: dependencies).endpoints,
        ChatRoleController(dependencies: dependencies).endpoints,
        ChatCredentialController(dependencies: dependencies).endpoints,
        ChatBindingController(dependencies: dependencies).endpoints,
        ChatInviteController(dependencies: dependencies).endpoints,
        ChatUserChannelController(dependencies: dependencies).endpoints,
    ] {
        authenticated.addRoutes(chat, atPath: "/chat/v2")
    }
    for proxy in [
        ProxyServiceController(dependencies: dependencies).endpoints,
        ProxyPhoneNumberController(dependencies: dependencies).endpoints,
        ProxySessionController(dependencies: dependencies).endpoints,
        ProxyParticipantController(dependencies: dependencies).endpoints,
        ProxyInteractionController(dependencies: dependencies).endpoints,
    ] {
        authenticated.addRoutes(proxy, atPath: "/proxy/v1")
    }
    for taskRouter in [
        WorkspaceController(dependencies: dependencies).endpoints,
        ActivityController(dependencies: dependencies).endpoints,
        TaskChannelController(dependencies: dependencies).endpoints,
        TaskQueueController(dependencies: dependencies).endpoints,
        WorkflowController(dependencies: dependencies).endpoints,
        WorkerController(dependencies: dependencies).endpoints,
        WorkerChannelController(dependencies: dependencies).endpoints,
        TaskController(dependencies: dependencies).endpoints,
        ReservationController(dependencies: dependencies).endpoints,
        EventController(dependencies: dependencies).endpoints,
        RealTimeStatisticsController(dependencies: dependencies).endpoints,
        CumulativeStatisticsController(dependencies: dependencies).endpoints,
        StatisticsController(dependencies: dependencies).endpoints,
    ] {
        authenticated.addRoutes(taskRouter, atPath: "/taskrouter/v1")
    }
    authenticated.addRoutes(AccountController(dependencies: dependencies).endpoints, atPath: "/api/2010-04-01")
    authenticated.addRoutes(KeyController(dependencies: dependencies).endpoints, atPath: "/api/2010-04-01")
    authenticated.addRoutes(MessageController(dependencies: dependencies).endpoints, atPath: "/api/2010-04-01")
    authenticated.addRoutes(IncomingPhoneNumberController(dependencies: dependencies).endpoints, atPath: "/api/2010-04-01")
    authenticated.addRoutes(SandboxMessageController(dependencies: dependencies).endpoints, atPath: "/sandbox/v1")
    authenticated.addRoutes(SandboxFailureController(dependencies: dependencies).endpoints, atPath: "/sandbox/v1")
    authenticated.addRoutes(SandboxEventsController(dependencies: dependencies, keepalive: configuration.agentEventsKeepalive).endpoints,
                            atPath: "/sandbox/v1")
    authenticated.addRoutes(OutboxController(dependencies: dependencies).endpoints, atPath: "/switchboard/v1")
    authenticated.addRoutes(SenderController(dependencies: dependencies).endpoints, atPath: "/switchboard/v1")
    authenticated.addRoutes(AgentEventsController(dependencies: dependencies, keepalive: configuration.agentEventsKeepalive).endpoints,
                            atPath: "/switchboard/v1")
    authenticated.addRoutes(AgentController(dependencies: dependencies).endpoints, atPath: "/switchboard/v1")
    methods.refuseOtherMethods(on: router)
    return router
}

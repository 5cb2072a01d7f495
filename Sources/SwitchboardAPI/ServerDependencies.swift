public import Logging
public import Prometheus
public import SwitchboardCore
public import SwitchboardDelivery
public import SwitchboardRouting
public import SwitchboardStorage
import SwitchboardConversations
import SwitchboardProxy

/// The outside things the API depends on, injected so tests can substitute time, identifiers and the outside world.
public struct ServerDependencies: Sendable {
    /// Where state lives; a write that queues outbox work wakes the dispatcher.
    public var storage: any Storage
    /// Where "now" comes from.
    public var time: any TimeSource
    /// Where new SIDs come from.
    public var sids: any SidGenerator
    /// TaskRouter's engine, through which every routing change goes.
    public var routing: RoutingEngine
    /// Rung when outbox work is committed.
    public var doorbell: OutboxDoorbell
    /// Rung when a write that may concern an event stream (an agent's or a sandbox handset's) is committed.
    public var agentFeedBell: AgentFeedBell
    /// The sandbox connector, which delivers every channel to simulated handsets.
    public var sandbox: SandboxConnector
    /// Which connector delivers each channel.
    public var connectors: ConnectorDirectory
    /// The one inbound path.
    public var inbound: InboundMessages
    /// WhatsApp's and Messenger's customer-care window, enforced on conversation messages.
    public var messagingWindow: MessagingWindow
    /// What `/metrics` renders: the registry behind the process's swift-metrics backend, which only the executable
    /// bootstraps; a fresh one otherwise, so an app built in a test shows the stored counts alone.
    public var metrics: PrometheusCollectorRegistry
    /// Seals the secrets Switchboard must read back, such as API key secrets that sign Access Tokens.
    public var secretBox: SecretBox
    /// What providers report for senders, carried out: inbound messages, receipts and template decisions.
    public var senderInbound: SenderInbound
    /// Makes the connectors that deliver for senders, over the HTTP client the server's webhooks use.
    public var providerConnectors: @Sendable (any WebhookTransport) -> [any ProviderConnector]
    /// Committed changes to credentials, announced by the storage's account and API key writes.
    public var changes: ChangeNotices
    /// The accounts and API keys requests authenticate with, dropped when `changes` names them.
    public var credentials: CredentialCache
    /// Brings other processes' changes to `changes` when several `serve` processes share a PostgreSQL database.
    public var changeListener: PostgresChangeListener?

    /// Creates the dependencies, with a routing engine over the same storage, clock and SIDs, and the sandbox
    /// delivering every channel. `changes` is complete from the start unless other processes write the database too.
    public init(
        storage: any Storage, time: any TimeSource = SystemTimeSource(), sids: any SidGenerator = RandomSidGenerator(),
        logger: Logger = Logger(label: "switchboard.routing"), inboundRoutes: [any InboundMessageRoute] = [],
        messagingWindow: MessagingWindow = MessagingWindow(), metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        secretBox: SecretBox = SecretBox(), changes: ChangeNotices = ChangeNotices()
    ) {
        self.metrics = metrics
        self.secretBox = secretBox
        self.changes = changes
        self.credentials = CredentialCache(notices: changes)
        let doorbell = OutboxDoorbell()
        let agentFeedBell = AgentFeedBell()
        let storage = DoorbellStorage(ChangeNoticingStorage(storage, notices: changes), doorbell: doorbell, feedBell: agentFeedBell)
        self.agentFeedBell = agentFeedBell
        self.storage = storage
        self.time = time
        self.sids = sids
        self.doorbell = doorbell
        // The janitor hears of every task that ends.
        let routing = RoutingEngine(storage: storage, time: time, sids: sids, logger: logger, observers: [FlexJanitor(sids: sids)])
        self.routing = routing
        self.sandbox = SandboxConnector(storage: storage, time: time)
        self.connectors = ConnectorDirectory([sandbox])
        self.messagingWindow = messagingWindow
        // The most specific route takes a message first: a number whose SmsUrl the account set (its application
        // asked for the message), a Proxy session, then any other given, then Conversations.
        let conversations = ConversationsInboundRoute(routing: routing, sids: sids, window: messagingWindow)
        self.inbound = InboundMessages(
            storage: storage, time: time, sids: sids,
            routes: [IncomingPhoneNumberRoute(sids: sids), ProxyInboundRoute(sids: sids, routing: routing)] + inboundRoutes + [conversations])
        // Made after the inbound path, which connectors with sessions of their own (SMPP) deliver into.
        let senderInbound = SenderInbound(storage: storage, inbound: self.inbound, sids: sids, time: time)
        self.senderInbound = senderInbound
        self.providerConnectors = { transport in
            StandardProviderConnectors.make(
                transport: transport, storage: storage, time: time, window: messagingWindow, inbound: senderInbound, secretBox: secretBox)
        }
    }
}

import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import SwitchboardAPI
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// `switchboard serve`: migrates the database, ensures the bootstrap account, and serves the API until
/// SIGTERM or SIGINT, finishing the requests in flight before it exits.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Switchboard server.")

    @Option(help: "Address to listen on. Env: SWITCHBOARD_HOST. Default: 127.0.0.1")
    var host: String?

    @Option(help: "Port to listen on. Env: SWITCHBOARD_PORT. Default: 8080")
    var port: Int?

    @Option(help: "The externally visible root URL used in response links. Env: SWITCHBOARD_PUBLIC_URL")
    var publicURL: String?

    @Option(help: "Requests one account may have in flight before 20429. Env: SWITCHBOARD_MAX_CONCURRENT_REQUESTS. Default: 100")
    var maxConcurrentRequests: Int?

    @Flag(help: "Allow webhooks to private, loopback and link-local addresses (refused by default, against SSRF). Env: SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS")
    var allowPrivateWebhooks = false

    @Option(help: "Seconds a dispatcher holds an outbox entry; a process that dies holding it lets it go after this. Env: SWITCHBOARD_OUTBOX_LEASE_SECONDS. Default: 60")
    var outboxLeaseSeconds: Int?

    @Option(help: "Seconds a failing delivery is retried before it fails for good. Env: SWITCHBOARD_DELIVERY_RETRY_SECONDS. Default: 14400")
    var deliveryRetrySeconds: Int?

    @Option(help: "Seconds a delivered outbox entry stays listed at /switchboard/v1/Outbox before it is purged. Env: SWITCHBOARD_OUTBOX_RETENTION_SECONDS. Default: 604800 (7 days)")
    var outboxRetentionSeconds: Int?

    @Option(help: "Comma-separated IP addresses or CIDR blocks of reverse proxies whose X-Forwarded-Proto and X-Forwarded-Host are believed. Env: SWITCHBOARD_TRUSTED_PROXIES. Default: none")
    var trustedProxies: String?

    @Option(help: "Seconds a new connection may take to send its request headers. Env: SWITCHBOARD_HEADER_TIMEOUT_SECONDS. Default: 10")
    var headerTimeoutSeconds: Int?

    @Option(help: "Seconds a request may take to send its body. Env: SWITCHBOARD_BODY_TIMEOUT_SECONDS. Default: 60")
    var bodyTimeoutSeconds: Int?

    @Option(help: "Seconds a kept-alive connection may stay silent between requests. Env: SWITCHBOARD_IDLE_TIMEOUT_SECONDS. Default: 75")
    var idleTimeoutSeconds: Int?

    @Option(help: "Connections open at once; more wait until one closes. Env: SWITCHBOARD_MAX_CONNECTIONS. Default: 500")
    var maxConnections: Int?

    @Option(help: "Port of the SMTP listener that takes customers' mail for the email senders. Env: SWITCHBOARD_SMTP_PORT. Default: off")
    var smtpPort: Int?

    @Option(help: "Largest mail the SMTP listener takes, in bytes; larger ones get 552. Env: SWITCHBOARD_SMTP_MAX_MESSAGE_BYTES. Default: 10485760")
    var smtpMaxMessageBytes: Int?

    @Option(help: "PEM certificate chain with which the SMTP listener offers STARTTLS. Env: SWITCHBOARD_SMTP_TLS_CERT. Default: no STARTTLS")
    var smtpTLSCert: String?

    @Option(help: "PEM private key of --smtp-tls-cert. Env: SWITCHBOARD_SMTP_TLS_KEY")
    var smtpTLSKey: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: [
            "host": host, "port": port.map(String.init), "publicUrl": publicURL,
            "maxConcurrentRequests": maxConcurrentRequests.map(String.init),
            "allowPrivateWebhooks": allowPrivateWebhooks ? "true" : nil,
            "outboxLeaseSeconds": outboxLeaseSeconds.map(String.init), "deliveryRetrySeconds": deliveryRetrySeconds.map(String.init),
            "outboxRetentionSeconds": outboxRetentionSeconds.map(String.init),
            "trustedProxies": trustedProxies, "headerTimeoutSeconds": headerTimeoutSeconds.map(String.init),
            "bodyTimeoutSeconds": bodyTimeoutSeconds.map(String.init), "idleTimeoutSeconds": idleTimeoutSeconds.map(String.init),
            "maxConnections": maxConnections.map(String.init),
            "smtpPort": smtpPort.map(String.init), "smtpMaxMessageBytes": smtpMaxMessageBytes.map(String.init),
            "smtpTlsCert": smtpTLSCert, "smtpTlsKey": smtpTLSKey,
        ].merging(options.flags) { flag, _ in flag })
        let logger = Logging.make(level: try settings.logLevel())
        var configuration = ServerConfiguration(
            host: settings.string("host") ?? "127.0.0.1",
            port: try settings.port(),
            publicURL: settings.string("publicUrl"),
            maxConcurrentRequestsPerAccount: try settings.integer("maxConcurrentRequests", default: 100),
            allowPrivateWebhooks: try settings.boolean("allowPrivateWebhooks", default: false),
            dispatcher: try dispatcherSettings(settings)
        )
        configuration.trustedProxies = try settings.trustedProxies()
        configuration.requestTimeouts = RequestTimeouts(
            header: .seconds(try settings.positiveInteger("headerTimeoutSeconds", default: 10)),
            body: .seconds(try settings.positiveInteger("bodyTimeoutSeconds", default: 60)),
            idle: .seconds(try settings.positiveInteger("idleTimeoutSeconds", default: 75)))
        configuration.maxConnections = try settings.positiveInteger("maxConnections", default: 500)
        configuration.smtpPort = try settings.smtpPort()
        configuration.smtpMaxMessageBytes = try settings.positiveInteger("smtpMaxMessageBytes", default: configuration.smtpMaxMessageBytes)
        configuration.smtpTLS = try settings.smtpTLS()
        // Tests shorten it to see keepalives without waiting.
        configuration.agentEventsKeepalive = .seconds(try settings.positiveInteger("agentEventsKeepaliveSeconds", default: 15))
        let database = try settings.database()
        // Before anything is written or printed: a port in use must not cost the first account's credentials.
        try await ListeningPort.checkFree(host: configuration.host, port: configuration.port)
        if let smtpPort = configuration.smtpPort { try await ListeningPort.checkFree(host: configuration.host, port: smtpPort) }
        let storage = try await StartupFailure.open(database, waitingUpTo: try settings.databaseWait(), logger: logger)
        do {
            try await serve(configuration: configuration, database: database, settings: settings, storage: storage, logger: logger)
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
        logger.info("stopped")
    }

    func dispatcherSettings(_ settings: Settings) throws -> DispatcherSettings {
        var dispatcher = DispatcherSettings()
        let lease = try settings.integer("outboxLeaseSeconds", default: 60)
        guard lease >= 1 else { throw SettingsError(description: "outboxLeaseSeconds must be at least 1") }
        dispatcher.lease = .seconds(lease)
        dispatcher.retryPolicy.totalTime = .seconds(try settings.integer("deliveryRetrySeconds", default: 4 * 3600))
        let retention = try settings.integer("outboxRetentionSeconds", default: Int(DispatcherSettings.defaultDeliveredRetention.components.seconds))
        guard retention >= 0 else { throw SettingsError(description: "outboxRetentionSeconds must be 0 or more") }
        dispatcher.deliveredRetention = .seconds(retention)
        // A short retention is purged about as often as it passes, a long one once a minute.
        dispatcher.purgeInterval = .seconds(min(60, max(1, retention)))
        // A SQLite file belongs to one process, so any lease found at start was held by this process's previous run.
        if case .postgres = try settings.database() {} else { dispatcher.releaseLeasesAtStart = true }
        return dispatcher
    }

    func serve(configuration: ServerConfiguration, database: DatabaseLocation, settings: Settings, storage: SQLStorage, logger: Logger) async throws {
        let applied = try await StartupFailure.during("migrate the database \(database)") { try await storage.migrate() }
        logger.info("database ready", metadata: ["database": "\(database)", "migrations_applied": "\(applied)"])
        // Tests shorten the 24-hour customer-care window, since the server's clock cannot be moved.
        let window = try settings.integer("messagingWindowSeconds", default: Int(MessagingWindow.standardLength))
        guard window >= 1 else { throw SettingsError(description: "messagingWindowSeconds must be at least 1") }
        // The metrics backend is process-global and may be set once; serve runs once per process.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(SwitchboardMetricsFactory(registry: metrics))
        // On PostgreSQL other `serve` processes may change credentials: caches wait until their changes can be heard.
        var postgresURL: String?
        if case .postgres(let url) = database { postgresURL = url }
        let changes = ChangeNotices(completeFromStart: postgresURL == nil)
        var dependencies = ServerDependencies(storage: storage, logger: logger, messagingWindow: MessagingWindow(length: TimeInterval(window)),
                                              metrics: metrics, secretBox: try settings.secretBox(for: database), changes: changes)
        if let postgresURL {
            dependencies.changeListener = try PostgresChangeListener(url: postgresURL, notices: changes, logger: logger)
        }
        let outcome = try await StartupFailure.during("prepare the bootstrap account") {
            try await AccountBootstrap.run(
                accountSid: settings.string("accountSid"), authToken: settings.string("authToken", isSecret: true),
                dependencies: dependencies)
        }
        switch outcome {
        case .created(let account):
            // Shown once: the token is not printed again on later starts.
            // Written unbuffered: stdout is block-buffered when redirected, and the credentials must reach the log now.
            FileHandle.standardOutput.write(Data("""
                Switchboard created its first account. Keep these credentials; they are not shown again:
                SWITCHBOARD_ACCOUNT_SID=\(account.sid)
                SWITCHBOARD_AUTH_TOKEN=\(account.authToken)

                """.utf8))
        case .configured(let sid):
            logger.info("bootstrap account ready", metadata: ["account_sid": "\(sid)"])
        case .existing:
            break
        }
        let app = buildApplication(configuration: configuration, dependencies: dependencies, logger: logger)
        try await app.runService()
    }
}

import ArgumentParser
import Foundation
import Hummingbird
import Logging
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

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: [
            "host": host, "port": port.map(String.init), "publicUrl": publicURL,
            "maxConcurrentRequests": maxConcurrentRequests.map(String.init),
            "database": options.database, "logLevel": options.logLevel,
            "allowPrivateWebhooks": allowPrivateWebhooks ? "true" : nil,
            "outboxLeaseSeconds": outboxLeaseSeconds.map(String.init), "deliveryRetrySeconds": deliveryRetrySeconds.map(String.init),
        ])
        let logger = Logging.make(level: try settings.logLevel())
        let configuration = ServerConfiguration(
            host: settings.string("host") ?? "127.0.0.1",
            port: try settings.integer("port", default: 8080),
            publicURL: settings.string("publicUrl"),
            maxConcurrentRequestsPerAccount: try settings.integer("maxConcurrentRequests", default: 100),
            allowPrivateWebhooks: try settings.boolean("allowPrivateWebhooks", default: false),
            dispatcher: try dispatcherSettings(settings)
        )
        let storage = try SQLStorage(location: settings.database, logger: logger)
        do {
            try await serve(configuration: configuration, settings: settings, storage: storage, logger: logger)
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
        // A SQLite file belongs to one process, so any lease found at start was held by this process's previous run.
        if case .postgres = settings.database {} else { dispatcher.releaseLeasesAtStart = true }
        return dispatcher
    }

    func serve(configuration: ServerConfiguration, settings: Settings, storage: SQLStorage, logger: Logger) async throws {
        let applied = try await StartupFailure.during("migrate the database \(settings.database)") { try await storage.migrate() }
        logger.info("database ready", metadata: ["database": "\(settings.database)", "migrations_applied": "\(applied)"])
        // Tests shorten the 24-hour customer-care window, since the server's clock cannot be moved.
        let window = try settings.integer("messagingWindowSeconds", default: Int(MessagingWindow.standardLength))
        guard window >= 1 else { throw SettingsError(description: "messagingWindowSeconds must be at least 1") }
        let dependencies = ServerDependencies(storage: storage, logger: logger, messagingWindow: MessagingWindow(length: TimeInterval(window)))
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

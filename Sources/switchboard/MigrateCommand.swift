import ArgumentParser
import Logging
import SwitchboardStorage

/// `switchboard migrate`: brings the database schema up to date and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations and exit.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: ["database": options.database, "logLevel": options.logLevel])
        let logger = Logging.make(level: try settings.logLevel())
        let storage = try SQLStorage(location: settings.database, logger: logger)
        do {
            let applied = try await StartupFailure.during("migrate the database \(settings.database)") { try await storage.migrate() }
            logger.info("migrations applied", metadata: ["database": "\(settings.database)", "versions": "\(applied)"])
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }
}

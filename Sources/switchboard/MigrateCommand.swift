import ArgumentParser
import Logging
import SwitchboardStorage

/// `switchboard migrate`: brings the database schema up to date and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations and exit.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: options.flags)
        let logger = Logging.make(level: try settings.logLevel())
        let database = try settings.database()
        let storage = try await StartupFailure.open(database, waitingUpTo: try settings.databaseWait(), logger: logger)
        do {
            let applied = try await StartupFailure.during("migrate the database \(database)") { try await storage.migrate() }
            logger.info("migrations applied", metadata: ["database": "\(database)", "versions": "\(applied)"])
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
    }
}

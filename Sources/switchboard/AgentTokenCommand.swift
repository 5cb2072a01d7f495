import ArgumentParser
import Foundation
import SwitchboardAPI
import SwitchboardStorage

/// `switchboard agent-token`: an Access Token for one worker and the agent desktop's sign-in link, for local use.
struct AgentTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-token", abstract: "Print an Access Token for a worker and a sign-in link to the agent desktop.")

    @Option(help: "The WK… SID of the worker to sign in as.")
    var worker: String

    @Option(help: "Seconds the token stays valid. Default: 3600")
    var ttl: Int = 3600

    @Option(help: "The externally visible root URL the sign-in link starts with. Env: SWITCHBOARD_PUBLIC_URL. Default: http://127.0.0.1:8080")
    var publicURL: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let settings = Settings(flags: ["publicUrl": publicURL].merging(options.flags) { flag, _ in flag })
        let logger = Logging.make(level: try settings.logLevel())
        let database = try settings.database()
        let secretBox = try settings.secretBox(for: database)
        let storage = try await StartupFailure.open(database, waitingUpTo: try settings.databaseWait(), logger: logger)
        let issued: IssuedAgentToken
        do {
            _ = try await StartupFailure.during("migrate the database \(database)") { try await storage.migrate() }
            issued = try await AgentTokenIssuer(storage: storage, secretBox: secretBox).issue(workerSid: worker, ttl: ttl)
        } catch let error as AgentTokenIssuerError {
            try? await storage.shutdown()
            throw ValidationError(error.description)
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
        print("""
            \(issued.token)
            \(AgentTokenIssuer.signInLink(token: issued.token, publicURL: settings.string("publicUrl")))
            """)
    }
}

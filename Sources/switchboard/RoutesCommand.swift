import ArgumentParser
import Logging
import SwitchboardAPI
import SwitchboardStorage

/// `switchboard routes`: every operation the server answers, one `METHOD /path` a line; `scripts/coverage` builds
/// `docs/COVERAGE.md` from it, so the table is the router's own account and cannot drift from it.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes", abstract: "Print every operation the server answers, one METHOD /path a line.")

    func run() async throws {
        // The router only holds on to its storage, so an empty in-memory database serves to build it; nothing is read.
        let storage = try SQLStorage(location: .sqliteMemory, logger: Logger(label: "switchboard.routes"))
        let operations: [AnsweredOperation]
        do {
            operations = try StartupFailure.during("build the routes") {
                try AnsweredOperation.all(dependencies: ServerDependencies(storage: storage))
            }
        } catch {
            try? await storage.shutdown()
            throw error
        }
        try await storage.shutdown()
        for operation in operations { print(operation) }
    }
}

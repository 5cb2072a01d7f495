import Logging
import SwitchboardStorage

/// A failure to start, said in words a person can act on. Database drivers describe their errors
/// generically on purpose, so the detailed reflection is included here, where the operator reads it.
struct StartupFailure: Error, CustomStringConvertible {
    let description: String

    /// Runs `step`, turning any failure into "could not <what>: <details>".
    static func during<T>(_ what: String, _ step: () async throws -> T) async throws -> T {
        do {
            return try await step()
        } catch {
            throw explaining(error, during: what)
        }
    }

    /// The synchronous form of `during`, for steps that do not wait.
    static func during<T>(_ what: String, _ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch {
            throw explaining(error, during: what)
        }
    }

    static func explaining(_ error: any Error, during what: String) -> StartupFailure {
        switch error {
        case let failure as StartupFailure: failure
        // Already a sentence for a person; its reflection would only add the type's name.
        case let failure as DatabaseLocationError: StartupFailure(description: "could not \(what): \(failure.description)")
        default: StartupFailure(description: "could not \(what): \(String(reflecting: error))")
        }
    }

    /// Opens the database and checks it can be used, or fails with what is wrong with it.
    static func open(_ location: DatabaseLocation, waitingUpTo patience: Duration, logger: Logger) async throws -> SQLStorage {
        let storage = try during("open the database \(location)") { try SQLStorage(location: location, logger: logger) }
        do {
            try await during("open the database \(location)") { try await storage.checkAvailable(location: location, waitingUpTo: patience) }
        } catch {
            try? await storage.shutdown()
            throw error
        }
        return storage
    }
}

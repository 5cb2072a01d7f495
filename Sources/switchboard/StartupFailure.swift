/// A failure to start, said in words a person can act on. Database drivers describe their errors
/// generically on purpose, so the detailed reflection is included here, where the operator reads it.
struct StartupFailure: Error, CustomStringConvertible {
    let description: String

    /// Runs `step`, turning any failure into "could not <what>: <details>".
    static func during<T>(_ what: String, _ step: () async throws -> T) async throws -> T {
        do {
            return try await step()
        } catch let failure as StartupFailure {
            throw failure
        } catch {
            throw StartupFailure(description: "could not \(what): \(String(reflecting: error))")
        }
    }
}

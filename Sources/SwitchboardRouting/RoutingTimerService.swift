public import Logging
public import ServiceLifecycle

/// Runs the engine's timers inside `serve`: reservation timeouts, target timeouts and task timeouts.
public struct RoutingTimerService: Service {
    let engine: RoutingEngine
    let interval: Duration
    let logger: Logger

    /// Checks the timers every `interval`.
    public init(engine: RoutingEngine, interval: Duration = .milliseconds(250), logger: Logger) {
        self.engine = engine
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        // Shutdown cancels the loop; ending because of it is a normal exit, not a failure.
        await cancelWhenGracefulShutdown { await tick() }
    }

    private func tick() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            do {
                try await engine.expire()
            } catch is CancellationError {
                return
            } catch {
                // A failed pass is retried on the next tick; nothing it did is half-committed.
                logger.error("routing timers failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}

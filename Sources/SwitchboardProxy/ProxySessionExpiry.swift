public import Logging
public import ServiceLifecycle
public import SwitchboardCore
public import SwitchboardStorage

/// Closes Proxy sessions whose `Ttl` or `DateExpiry` has passed, as Twilio's close by themselves; runs inside `serve`.
public struct ProxySessionExpiry: Service {
    let storage: any Storage
    let time: any TimeSource
    let interval: Duration
    let logger: Logger

    /// Checks every `interval`.
    public init(storage: any Storage, time: any TimeSource, interval: Duration = .seconds(1), logger: Logger) {
        self.storage = storage
        self.time = time
        self.interval = interval
        self.logger = logger
    }

    /// Closes every expired session now; returns how many closed.
    @discardableResult
    public func expire() async throws -> Int {
        let now = time.now()
        // Most ticks find nothing; reading first keeps them from taking SQLite's single write lock.
        guard try await !storage.read({ try await $0.proxySessions.expired(at: now) }).isEmpty else { return 0 }
        return try await storage.write { storage in
            // Re-read under the write: an interaction may have extended a session since.
            let expired = try await storage.proxySessions.expired(at: now)
            for session in expired { try await storage.proxySessions.update(ProxyRules.close(session, reason: "ttl", now: now)) }
            return expired.count
        }
    }

    public func run() async throws {
        // Shutdown cancels the loop; ending because of it is a normal exit.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await expire()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("proxy session expiry failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
    }
}

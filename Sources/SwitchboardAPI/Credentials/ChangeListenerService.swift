import ServiceLifecycle
import SwitchboardStorage

/// Runs the process's ``PostgresChangeListener`` for the life of the server, and closes its connection on shutdown.
struct ChangeListenerService: Service {
    let listener: PostgresChangeListener

    func run() async throws {
        await cancelWhenGracefulShutdown { await listener.run() }
    }
}

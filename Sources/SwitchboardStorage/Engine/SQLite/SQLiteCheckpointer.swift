import Logging
import NIOPosix
import Synchronization

/// Copies the write-ahead log back into the database file in the background.
///
/// SQLite would otherwise checkpoint inside whichever commit crosses its threshold, syncing the file on a request's
/// path. The writer's connection has automatic checkpoints turned off; this one runs a passive checkpoint, which
/// never blocks the writer or readers, on a thread meant for blocking work.
final class SQLiteCheckpointer: Sendable {
    private let loop: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// How long between checkpoints.
    static let interval = Duration.milliseconds(200)

    /// Starts checkpointing through a connection from `open`.
    init(logger: Logger, open: @escaping @Sendable () throws -> SQLiteConnection) {
        let task = Task.detached(priority: .utility) {
            var connection: SQLiteConnection?
            defer { connection?.close() }
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                guard !Task.isCancelled else { return }
                do {
                    let current = try connection ?? open()
                    connection = current
                    try await NIOThreadPool.singleton.runIfActive { try current.execute("PRAGMA wal_checkpoint(PASSIVE)") }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("checkpoint failed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
        loop.withLock { $0 = task }
    }

    /// Stops checkpointing and waits for a checkpoint in progress to finish.
    func stop() async {
        let task = loop.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }
}

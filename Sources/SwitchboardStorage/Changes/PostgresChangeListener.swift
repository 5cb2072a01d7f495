public import Logging
import NIOCore
import NIOPosix
import PostgresKit

/// One LISTEN connection per process to PostgreSQL's ``ChangeNotice/channel``, which brings the changes other
/// processes commit to this process's ``ChangeNotices``.
///
/// While it is not listening (before the first connection, after one is lost) the notices are incomplete, so caches
/// neither answer nor fill; it reconnects with backoff, and only once LISTEN holds again are they used.
public struct PostgresChangeListener: Sendable {
    let configuration: PostgresConnection.Configuration
    let notices: ChangeNotices
    let logger: Logger
    /// The first wait after a lost connection; each failure doubles it up to `longestRetryDelay`.
    let firstRetryDelay: Duration
    let longestRetryDelay: Duration

    /// A listener to the database at `url`, publishing on `notices`.
    public init(url: String, notices: ChangeNotices, logger: Logger,
                firstRetryDelay: Duration = .milliseconds(100), longestRetryDelay: Duration = .seconds(5)) throws {
        self.configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        self.notices = notices
        self.logger = logger
        self.firstRetryDelay = firstRetryDelay
        self.longestRetryDelay = longestRetryDelay
    }

    /// Listens until the task is cancelled, reconnecting whenever the connection is lost.
    public func run() async {
        var delay = firstRetryDelay
        var connectionID = 0
        while !Task.isCancelled {
            connectionID += 1
            do {
                try await listenOnce(id: connectionID) { delay = firstRetryDelay }
            } catch {
                if Task.isCancelled { break }
                logger.warning("lost the database change listener; credential caches are bypassed until it is back",
                               metadata: ["error": "\(String(reflecting: error))", "retry_in": "\(delay)"])
            }
            notices.loseCompleteness()
            do { try await Task.sleep(for: delay) } catch { break }
            delay = min(delay * 2, longestRetryDelay)
        }
    }

    /// Connects, listens and publishes until the connection fails or the task is cancelled. `listening` runs once
    /// LISTEN holds.
    func listenOnce(id: Int, listening: () -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id, logger: logger)
        let notices = self.notices
        // The handler runs on the connection's event loop as each notification arrives, so a round trip on the same
        // connection that answers after it has seen it published (see ``ListenBarrier``).
        let subscription = connection.addListener(channel: ChangeNotice.channel) { _, notification in
            if let notice = ChangeNotice(payload: notification.payload) { notices.publish(notice) }
        }
        do {
            try await withTaskCancellationHandler {
                // addListener sends LISTEN first; the round trip after it shows that it holds. Through the barrier, so
                // that it has the same deadline as every later one.
                let barrier = ListenBarrier(connection: connection, logger: logger)
                try await barrier.catchUp()
                notices.resumeCompleteness(catchUp: barrier)
                listening()
                logger.debug("listening for database changes", metadata: ["channel": "\(ChangeNotice.channel)"])
                try await connection.closeFuture.get()
            } onCancel: {
                let closing: EventLoopFuture<Void> = connection.close()
                closing.whenComplete { _ in }
            }
        } catch {
            subscription.stop()
            try? await connection.close()
            throw error
        }
        subscription.stop()
        try? await connection.close()
        throw ListenerConnectionClosed()
    }
}

/// The LISTEN connection closed without an error of its own.
struct ListenerConnectionClosed: Error, CustomStringConvertible {
    var description: String { "the LISTEN connection closed" }
}

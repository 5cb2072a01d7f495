public import Foundation
public import Logging
public import ServiceLifecycle
public import SwitchboardCore
public import SwitchboardRouting
public import SwitchboardStorage

/// Runs Conversations' timers inside `serve`: a conversation whose `Timers.Inactive` ran out becomes inactive, one
/// whose `Timers.Closed` ran out closes, and closing ends its interaction channel and tasks as a client's close does.
public struct ConversationTimerService: Service {
    let storage: any Storage
    let routing: RoutingEngine
    let sids: any SidGenerator
    let time: any TimeSource
    let interval: Duration
    let logger: Logger

    /// Checks the timers every `interval`.
    public init(storage: any Storage, routing: RoutingEngine, sids: any SidGenerator, time: any TimeSource,
                interval: Duration = .milliseconds(500), logger: Logger) {
        self.storage = storage
        self.routing = routing
        self.sids = sids
        self.time = time
        self.interval = interval
        self.logger = logger
    }

    /// Checks the timers until shutdown.
    public func run() async throws {
        // Shutdown cancels the loop; ending because of it is a normal exit, not a failure.
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            do {
                try await expire()
            } catch is CancellationError {
                return
            } catch {
                // A failed pass is retried on the next tick; nothing it did is half-committed.
                logger.error("conversation timers failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }

    /// Applies every timer that ran out by now, in one transaction, then the task changes closing calls for.
    public func expire() async throws {
        let now = time.now()
        let sids = self.sids
        // Most ticks find nothing due; only those take a write transaction, which SQLite's writers queue for.
        let candidates = try await storage.read { try await $0.conversations.dueTimers(at: now, limit: 100) }
        guard !candidates.isEmpty else { return }
        let followUps = try await storage.write { session -> [TaskFollowUp] in
            var followUps: [TaskFollowUp] = []
            for due in candidates {
                // Re-read under the lock: a message may have restarted the timers since.
                guard var conversation = try await session.conversations.lock(sid: due.sid, accountSid: due.accountSid) else { continue }
                let previous = conversation.state
                switch conversation.timerOutcome(at: now) {
                case .closed?:
                    if let channel = try await session.interactions.channel(conversationSid: conversation.sid, accountSid: conversation.accountSid),
                       channel.status != .closed {
                        followUps += try await InteractionChannelStatusChange.apply(.closed, routingStatus: nil, to: channel, in: session, now: now).1
                        guard let closed = try await session.conversations.lock(sid: conversation.sid, accountSid: conversation.accountSid) else { continue }
                        conversation = closed
                    }
                    conversation.state = .closed
                case .inactive?:
                    conversation.state = .inactive
                default:
                    break
                }
                conversation.restartTimers(at: now)
                if conversation.state != .closed, let closedAt = due.dateClosed, closedAt > now {
                    // Becoming inactive does not restart the closed timer.
                    conversation.dateClosed = closedAt
                }
                conversation.dateUpdated = now
                try await session.conversations.update(conversation)
                if conversation.state != previous {
                    try await ConversationEvents(session: session, sids: sids, now: now).record(
                        "onConversationStateUpdated", conversation: conversation, source: "TIMER",
                        parameters: [("StateFrom", previous.rawValue), ("StateTo", conversation.state.rawValue), ("Reason", "TIMER")])
                }
            }
            return followUps
        }
        try await TaskFollowUp.apply(followUps, through: routing)
    }
}

import Logging
import SwitchboardCore

/// The live SMPP sessions, one per `smpp` sender, created on the sender's first message and kept; a sender whose
/// settings changed gets a new session, and the old one is unbound.
actor SMPPSessions {
    let inbound: SenderInbound
    let timers: SMPPTimers
    let logger: Logger
    private var sessions: [String: SMPPSession] = [:]

    init(inbound: SenderInbound, timers: SMPPTimers, logger: Logger) {
        self.inbound = inbound
        self.timers = timers
        self.logger = logger
    }

    /// The session for `sender` with `settings`.
    func session(for sender: Sender, settings: SMPPSessionSettings) -> SMPPSession {
        if let session = sessions[sender.sid], session.settings == settings { return session }
        if let stale = sessions[sender.sid] { Task { await stale.shutdown() } }
        let session = SMPPSession(settings: settings, sender: sender, inbound: inbound, timers: timers, logger: logger)
        sessions[sender.sid] = session
        return session
    }

    /// Unbinds every session, for a graceful shutdown.
    func shutdown() async {
        let all = Array(sessions.values)
        sessions = [:]
        await withTaskGroup(of: Void.self) { group in
            for session in all { group.addTask { await session.shutdown() } }
        }
    }
}

public import Foundation
public import SwitchboardCore

/// Proxy Sessions, each in one service.
public protocol ProxySessionRepository: Sendable {
    /// Stores a new session.
    func insert(_ session: ProxySession) async throws
    /// The session with this SID in the service.
    func find(sid: String, serviceSid: String) async throws -> ProxySession?
    /// The session with this SID if `accountSid` owns it, whatever its service: how a chat channel's `proxySession` is followed.
    func find(sid: String, accountSid: String) async throws -> ProxySession?
    /// The session with this unique name in the service.
    func find(uniqueName: String, serviceSid: String) async throws -> ProxySession?
    /// The service's sessions.
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ProxySession>
    /// Open sessions whose TTL or expiry date has passed at `now`, across every account.
    func expired(at now: Date) async throws -> [ProxySession]
    /// Saves an existing session.
    func update(_ session: ProxySession) async throws
    /// Removes the session with its participants and interactions; `false` when the service has no such session.
    func delete(sid: String, serviceSid: String) async throws -> Bool
}

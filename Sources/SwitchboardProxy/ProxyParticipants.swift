public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// Adding participants to sessions: Proxy's limits and conflicts, and the choice of a pool number.
public enum ProxyParticipants {
    /// Adds the participant `request` asks for to `session`, choosing its proxy identifier from the pool when it names none.
    public static func add(
        _ request: ParticipantRequest, to session: ProxySession, in storage: any StorageSession, sid: String, now: Date
    ) async throws -> ProxyParticipant {
        guard session.isOpen else { throw ProxyRules.sessionClosed }
        let identifier = try ProxyRules.normalisedIdentifier(request.identifier)
        let existing = try await storage.proxyParticipants.all(sessionSid: session.sid)
        guard existing.count < ProxyRules.maximumParticipants else { throw ProxyRules.tooManyParticipants }
        guard !existing.contains(where: { $0.identifier == identifier }) else { throw ProxyRules.participantExists(identifier) }
        let pool = try await storage.proxyPhoneNumbers.all(serviceSid: session.serviceSid)
        let chosen: ProxyPhoneNumber
        if let sid = request.proxyIdentifierSid, !sid.isEmpty {
            guard let number = pool.first(where: { $0.sid == sid }) else { throw ProxyRules.notInPool(sid) }
            chosen = number
        } else if let raw = request.proxyIdentifier, !raw.isEmpty {
            let wanted = ProxyAddress.bare(DeliveryAddress.normalisedOrVerbatim(raw))
            guard let number = pool.first(where: { $0.phoneNumber == wanted }) else { throw ProxyRules.notInPool(raw) }
            chosen = number
        } else {
            // A reserved number is only handed out by name; one already pairing this identifier elsewhere would make
            // the customer's replies ambiguous.
            var free: ProxyPhoneNumber?
            for number in pool where !number.isReserved {
                if try await !inUse(identifier: identifier, proxyIdentifier: number.phoneNumber, accountSid: session.accountSid, storage: storage) {
                    free = number
                    break
                }
            }
            guard let free else { throw ProxyRules.proxyIdentifierInUse(identifier) }
            chosen = free
        }
        if try await inUse(identifier: identifier, proxyIdentifier: chosen.phoneNumber, accountSid: session.accountSid, storage: storage) {
            throw ProxyRules.proxyIdentifierInUse(identifier)
        }
        let participant = ProxyParticipant(
            sid: sid, accountSid: session.accountSid, serviceSid: session.serviceSid, sessionSid: session.sid, identifier: identifier,
            friendlyName: request.friendlyName, proxyIdentifier: chosen.phoneNumber, proxyIdentifierSid: chosen.sid,
            dateCreated: now, dateUpdated: now)
        try await storage.proxyParticipants.insert(participant)
        return participant
    }

    /// Whether `identifier` already talks through `proxyIdentifier` in an open session, which would leave its
    /// inbound messages with two places to go.
    static func inUse(identifier: String, proxyIdentifier: String, accountSid: String, storage: any StorageSession) async throws -> Bool {
        try await openSession(identifier: identifier, proxyIdentifier: proxyIdentifier, accountSid: accountSid, storage: storage) != nil
    }

    /// The open session in which `identifier` talks through `proxyIdentifier`, with that participant.
    static func openSession(
        identifier: String, proxyIdentifier: String, accountSid: String, storage: any StorageSession
    ) async throws -> (ProxySession, ProxyParticipant)? {
        for participant in try await storage.proxyParticipants.all(identifier: identifier, proxyIdentifier: proxyIdentifier, accountSid: accountSid) {
            if let session = try await storage.proxySessions.find(sid: participant.sessionSid, accountSid: accountSid), session.isOpen {
                return (session, participant)
            }
        }
        return nil
    }
}

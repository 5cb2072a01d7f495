import SwitchboardCore

extension SMPPSession {
    /// Submits `message` as one `submit_sm` per part, each asking for a delivery receipt. The first part's id is
    /// the message's provider id; the later parts' ids point to it, so a receipt for any part finds the message.
    func submit(_ message: Message, from sender: Sender) async throws -> ConnectorReceipt {
        self.sender = sender
        let text = SMPPOutboundText(message.body, reference: Self.reference(for: message.sid))
        var accepted = acceptedParts[message.sid] ?? [:]
        for (index, part) in text.parts.enumerated() where accepted[index] == nil {
            let link = try await boundLink()
            if let throttledUntil, throttledUntil > ContinuousClock.now {
                acceptedParts[message.sid] = accepted.isEmpty ? nil : accepted
                let wait = Int((throttledUntil - ContinuousClock.now) / .milliseconds(1))
                throw ConnectorUnavailable(
                    "the SMSC at \(settings.peer) answered \(SMPPCommandStatus.throttled); submitting again in \(wait) ms")
            }
            var body = SMPPShortMessage()
            body.sourceTON = settings.sourceTON
            body.sourceNPI = settings.sourceNPI
            body.sourceAddress = Self.digits(message.from)
            body.destinationTON = 1
            body.destinationNPI = 1
            body.destinationAddress = Self.digits(message.to)
            body.esmClass = text.parts.count > 1 ? SMPPShortMessage.udhIndicator : 0
            body.registeredDelivery = 1
            body.dataCoding = text.dataCoding.rawValue
            body.shortMessage = part
            await window.acquire()
            let response: SMPPPDU
            do {
                response = try await request(.submitSM, body: body.encoded, on: link)
            } catch {
                await window.release()
                acceptedParts[message.sid] = accepted.isEmpty ? nil : accepted
                throw error
            }
            await window.release()
            var reader = SMPPFieldReader(response.body)
            switch SMPPSubmitOutcome(status: response.status, messageID: (try? reader.cString()) ?? "") {
            case .accepted(let id):
                accepted[index] = id
                throttles = 0
            case .retry(let reason):
                acceptedParts[message.sid] = accepted.isEmpty ? nil : accepted
                if response.status == .throttled {
                    throttles += 1
                    throttledUntil = ContinuousClock.now + timers.backoff(after: throttles)
                }
                throw ConnectorUnavailable("the SMSC at \(settings.peer) answered \(reason)")
            case .refused(let code, let reason):
                acceptedParts[message.sid] = nil
                return ConnectorReceipt(.refused(errorCode: code, message: reason))
            }
        }
        acceptedParts[message.sid] = nil
        let ids = text.parts.indices.compactMap { accepted[$0] }.filter { !$0.isEmpty }
        guard let first = ids.first else { return ConnectorReceipt(.accepted(providerMessageID: nil)) }
        for id in ids.dropFirst() { partOwners[id] = first }
        return ConnectorReceipt(.accepted(providerMessageID: first))
    }

    /// A concatenation reference that stays the same on every try of one message: FNV-1a of its SID, folded.
    static func reference(for messageSid: String) -> UInt8 {
        let hash = messageSid.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return UInt8(truncatingIfNeeded: hash ^ hash >> 8 ^ hash >> 16 ^ hash >> 24)
    }

    /// An E.164 address as SMPP carries it with TON 1: the digits without `+`.
    static func digits(_ address: String) -> String {
        address.hasPrefix("+") ? String(address.dropFirst()) : address
    }
}

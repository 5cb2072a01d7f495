import Logging
import SwitchboardCore

extension SMPPSession {
    /// Carries out a `deliver_sm` and returns the status to answer it with: a receipt goes onto its message, a
    /// customer's message (once all its parts are in) into the one inbound path. A failure to store answers
    /// `ESME_RX_T_APPN`, so the SMSC delivers it again rather than it being lost.
    func deliver(_ pdu: SMPPPDU) async -> SMPPCommandStatus {
        let message: SMPPShortMessage
        do {
            message = try SMPPShortMessage.decode(pdu.body)
        } catch {
            logger.warning("SMPP deliver_sm unreadable", metadata: ["peer": "\(settings.peer)", "reason": "\(error)"])
            return SMPPCommandStatus(rawValue: 0x01)
        }
        if message.isDeliveryReceipt { return await applyReceipt(message) }
        var octets = message.payload
        var header: SMPPUserDataHeader?
        if message.hasUserDataHeader {
            do {
                (header, octets) = try SMPPUserDataHeader.split(octets)
            } catch {
                return SMPPCommandStatus(rawValue: 0x01)
            }
        } else if let reference = message.parameter(SMPPTLV.sarReference), let total = message.parameter(SMPPTLV.sarTotal),
                  let sequence = message.parameter(SMPPTLV.sarSequence) {
            header = SMPPUserDataHeader(reference: UInt16(reference.integer), total: Int(total.integer), sequence: Int(sequence.integer))
        }
        guard let header, header.total > 1 else { return await store(octets, of: message) }
        let (key, joined) = concatenation.add(octets, header: header, source: message.sourceAddress, destination: message.destinationAddress)
        guard let joined else { return .ok }
        let status = await store(joined, of: message)
        if status == .ok { concatenation.forget(key) }
        return status
    }

    func applyReceipt(_ message: SMPPShortMessage) async -> SMPPCommandStatus {
        guard let receipt = SMPPDeliveryReceipt(message), let report = receipt.report else { return .ok }
        let providerMessageID = partOwners[receipt.messageID] ?? receipt.messageID
        // The receipt can come before the dispatcher has recorded the id that submit_sm_resp gave.
        for _ in 0..<max(1, timers.receiptAttempts) {
            do {
                try await inbound.apply([.status(providerMessageID: providerMessageID, report: report)], for: sender)
                partOwners[receipt.messageID] = nil
                return .ok
            } catch is ReceiptForUnknownMessage {
                try? await Task.sleep(for: timers.receiptRetry)
            } catch {
                logger.warning("SMPP receipt not stored", metadata: ["peer": "\(settings.peer)", "reason": "\(error)"])
                return .temporaryAppError
            }
        }
        logger.warning("SMPP receipt for an unknown message", metadata: ["peer": "\(settings.peer)", "id": "\(receipt.messageID)"])
        return .temporaryAppError
    }

    func store(_ octets: [UInt8], of message: SMPPShortMessage) async -> SMPPCommandStatus {
        let body = SMPPDataCoding.decode(octets, dataCoding: message.dataCoding)
        let from = message.sourceAddress.hasPrefix("+") ? message.sourceAddress : "+" + message.sourceAddress
        let customerMessage: InboundMessage
        do {
            customerMessage = try InboundMessage(channel: .sms, from: from, to: sender.address, body: body)
        } catch {
            // An address that can never be valid would come back forever if refused; it is logged and taken.
            logger.warning("SMPP message from an address that is not valid", metadata: ["peer": "\(settings.peer)", "reason": "\(error.message)"])
            return .ok
        }
        do {
            try await inbound.apply([.message(customerMessage)], for: sender)
            return .ok
        } catch {
            logger.warning("SMPP message not stored", metadata: ["peer": "\(settings.peer)", "reason": "\(error)"])
            return .temporaryAppError
        }
    }
}

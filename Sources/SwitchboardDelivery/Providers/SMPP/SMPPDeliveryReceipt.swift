import Foundation
public import SwitchboardCore

/// An SMSC's delivery receipt, from the text SMPP 3.4's appendix B describes
/// (`id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:…`) or its `receipted_message_id` and
/// `message_state` parameters.
public struct SMPPDeliveryReceipt: Sendable, Equatable {
    /// The `message_id` the SMSC gave in `submit_sm_resp`.
    public var messageID: String
    /// The final state: `DELIVRD`, `EXPIRED`, `DELETED`, `UNDELIV`, `ACCEPTD`, `UNKNOWN`, `REJECTD`, `ENROUTE`.
    public var state: String
    /// The network's error code, when the SMSC gave one.
    public var error: String?

    /// Creates the receipt.
    public init(messageID: String, state: String, error: String? = nil) {
        self.messageID = messageID
        self.state = state
        self.error = error
    }

    /// The states `message_state` numbers, in SMPP 3.4's order.
    static let numberedStates = ["ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD"]

    /// Reads the receipt in a `deliver_sm`; the parameters win over the text, since they are not free-form.
    public init?(_ message: SMPPShortMessage) {
        let fields = Self.fields(SMPPDataCoding.decode(message.payload, dataCoding: message.dataCoding))
        let parameterID = message.parameter(SMPPTLV.receiptedMessageID)?.string
        let parameterState = message.parameter(SMPPTLV.messageState).flatMap { tlv -> String? in
            let index = Int(tlv.integer) - 1
            return Self.numberedStates.indices.contains(index) ? Self.numberedStates[index] : nil
        }
        guard let id = parameterID.flatMap({ $0.isEmpty ? nil : $0 }) ?? fields["id"],
              let state = parameterState ?? fields["stat"] else { return nil }
        self.init(messageID: id, state: state.uppercased(), error: fields["err"])
    }

    /// The text's `key:value` fields; `submit date` and `done date` have a space in the key.
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        let keys = ["id", "sub", "dlvrd", "submit date", "done date", "stat", "err", "text"]
        var rest = Substring(text)
        var current: (key: String, start: Substring.Index)?
        while !rest.isEmpty {
            let atWordStart = rest.startIndex == text.startIndex || text[text.index(before: rest.startIndex)] == " "
            if atWordStart, let key = keys.first(where: { rest.lowercased().hasPrefix($0 + ":") }) {
                if let current { fields[current.key] = text[current.start..<rest.startIndex].trimmingCharacters(in: .whitespaces) }
                rest = rest.dropFirst(key.count + 1)
                current = (key, rest.startIndex)
                if key == "text" { break }
            } else {
                rest = rest.dropFirst()
            }
        }
        if let current { fields[current.key] = text[current.start...].trimmingCharacters(in: .whitespaces) }
        return fields
    }

    /// What the receipt says of the message, or `nil` for a state that is not final (`ENROUTE`, `ACCEPTD`),
    /// which moves nothing. The SMSC's state and error stay in the message text, since Twilio's codes are coarser.
    public var report: MessageStatusReport? {
        let detail = "SMPP receipt stat:\(state)" + (error.map { " err:\($0)" } ?? "")
        switch state {
        case "DELIVRD": return MessageStatusReport(.delivered)
        case "UNDELIV", "EXPIRED": return MessageStatusReport(.undelivered, errorCode: 30003, errorMessage: "Unreachable destination handset (\(detail))")
        case "REJECTD": return MessageStatusReport(.undelivered, errorCode: 30007, errorMessage: "Message filtered (\(detail))")
        case "DELETED", "UNKNOWN": return MessageStatusReport(.undelivered, errorCode: 30008, errorMessage: "Unknown error (\(detail))")
        default: return nil
        }
    }
}

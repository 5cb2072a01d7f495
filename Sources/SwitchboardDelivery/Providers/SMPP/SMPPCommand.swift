/// The `command_id` of an SMPP 3.4 PDU; a response is its request's id with the high bit set.
public struct SMPPCommand: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The id on the wire.
    public var rawValue: UInt32

    /// Wraps an id read from the wire.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `generic_nack`, the answer to a PDU the peer could not read.
    public static let genericNack = SMPPCommand(rawValue: 0x8000_0000)
    /// `bind_transceiver`: one session that both submits and is delivered to.
    public static let bindTransceiver = SMPPCommand(rawValue: 0x0000_0009)
    /// `submit_sm`: a message for the SMSC to deliver.
    public static let submitSM = SMPPCommand(rawValue: 0x0000_0004)
    /// `deliver_sm`: a mobile-originated message or a delivery receipt from the SMSC.
    public static let deliverSM = SMPPCommand(rawValue: 0x0000_0005)
    /// `unbind`: the end of the session, from either side.
    public static let unbind = SMPPCommand(rawValue: 0x0000_0006)
    /// `enquire_link`: the keepalive.
    public static let enquireLink = SMPPCommand(rawValue: 0x0000_0015)

    /// Whether this is a response (`…_resp` or `generic_nack`).
    public var isResponse: Bool { rawValue & 0x8000_0000 != 0 }
    /// The response to this request.
    public var response: SMPPCommand { SMPPCommand(rawValue: rawValue | 0x8000_0000) }

    /// The id in hex, as SMPP traces show it.
    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }
}

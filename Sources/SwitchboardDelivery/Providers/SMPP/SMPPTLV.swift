/// An SMPP optional parameter: a tag, and its value's octets.
public struct SMPPTLV: Sendable, Equatable {
    /// The tag.
    public var tag: UInt16
    /// The value.
    public var value: [UInt8]

    /// Creates the parameter.
    public init(tag: UInt16, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// `receipted_message_id`: the id a delivery receipt is for.
    public static let receiptedMessageID: UInt16 = 0x001E
    /// `message_state`: a delivery receipt's final state.
    public static let messageState: UInt16 = 0x0427
    /// `message_payload`: a body longer than `short_message` holds.
    public static let messagePayload: UInt16 = 0x0424
    /// `sar_msg_ref_num`: the reference shared by the parts of one long message.
    public static let sarReference: UInt16 = 0x020C
    /// `sar_total_segments`: how many parts.
    public static let sarTotal: UInt16 = 0x020E
    /// `sar_segment_seqnum`: this part's number, from 1.
    public static let sarSequence: UInt16 = 0x020F

    /// The value as an unsigned big-endian integer, for numeric parameters.
    public var integer: UInt32 { value.prefix(4).reduce(0) { $0 << 8 | UInt32($1) } }

    /// The value as a C-octet string without its NUL.
    public var string: String { String(value.prefix { $0 != 0 }.map { Character(Unicode.Scalar($0)) }) }

    /// Reads every parameter in `octets`.
    public static func decodeAll(_ octets: [UInt8]) throws(SMPPDecodingError) -> [SMPPTLV] {
        var reader = SMPPFieldReader(octets)
        var parameters: [SMPPTLV] = []
        while !reader.isAtEnd {
            let tag = try reader.u16()
            let length = try reader.u16()
            parameters.append(SMPPTLV(tag: tag, value: try reader.bytes(Int(length))))
        }
        return parameters
    }

    /// Writes the parameters in order.
    public static func encodeAll(_ parameters: [SMPPTLV]) -> [UInt8] {
        var writer = SMPPFieldWriter()
        for parameter in parameters {
            writer.u16(parameter.tag)
            writer.u16(UInt16(parameter.value.count))
            writer.bytes(parameter.value)
        }
        return writer.octets
    }
}

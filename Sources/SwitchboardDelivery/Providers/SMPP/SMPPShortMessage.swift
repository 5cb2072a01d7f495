/// The body shared by `submit_sm` (ESME to SMSC) and `deliver_sm` (SMSC to ESME): addresses, flags and text.
public struct SMPPShortMessage: Sendable, Equatable {
    /// `service_type`, empty for the SMSC's default.
    public var serviceType = ""
    /// TON of `sourceAddress`.
    public var sourceTON: UInt8 = 0
    /// NPI of `sourceAddress`.
    public var sourceNPI: UInt8 = 0
    /// Who the message is from.
    public var sourceAddress = ""
    /// TON of `destinationAddress`.
    public var destinationTON: UInt8 = 0
    /// NPI of `destinationAddress`.
    public var destinationNPI: UInt8 = 0
    /// Who the message is for.
    public var destinationAddress = ""
    /// `esm_class`: 0x40 when `shortMessage` starts with a user data header; 0x04 on a delivery receipt.
    public var esmClass: UInt8 = 0
    /// `protocol_id`.
    public var protocolID: UInt8 = 0
    /// `priority_flag`.
    public var priority: UInt8 = 0
    /// `registered_delivery`: 1 asks the SMSC for a delivery receipt.
    public var registeredDelivery: UInt8 = 0
    /// `data_coding`: 0 for the SMSC's default (GSM 7-bit), 8 for UCS-2.
    public var dataCoding: UInt8 = 0
    /// The text as encoded, with its user data header when `esmClass` says so.
    public var shortMessage: [UInt8] = []
    /// The optional parameters.
    public var parameters: [SMPPTLV] = []

    /// Creates the body.
    public init() {}

    /// `esm_class`'s user-data-header indicator.
    public static let udhIndicator: UInt8 = 0x40
    /// `esm_class`'s message type for an SMSC delivery receipt.
    public static let deliveryReceipt: UInt8 = 0x04

    /// Whether `shortMessage` starts with a user data header.
    public var hasUserDataHeader: Bool { esmClass & Self.udhIndicator != 0 }
    /// Whether this `deliver_sm` is a delivery receipt rather than a customer's message.
    public var isDeliveryReceipt: Bool { esmClass & 0x3C == Self.deliveryReceipt }

    /// The value of optional parameter `tag`, when present.
    public func parameter(_ tag: UInt16) -> SMPPTLV? { parameters.first { $0.tag == tag } }

    /// The text's octets: `short_message`, or the `message_payload` parameter when the SMSC put it there.
    public var payload: [UInt8] { shortMessage.isEmpty ? parameter(SMPPTLV.messagePayload)?.value ?? [] : shortMessage }

    /// The fields in order.
    public var encoded: [UInt8] {
        var writer = SMPPFieldWriter()
        writer.cString(serviceType, maximum: 6)
        writer.u8(sourceTON)
        writer.u8(sourceNPI)
        writer.cString(sourceAddress, maximum: 21)
        writer.u8(destinationTON)
        writer.u8(destinationNPI)
        writer.cString(destinationAddress, maximum: 21)
        writer.u8(esmClass)
        writer.u8(protocolID)
        writer.u8(priority)
        writer.cString("")  // schedule_delivery_time: now
        writer.cString("")  // validity_period: the SMSC's default
        writer.u8(registeredDelivery)
        writer.u8(0)  // replace_if_present_flag
        writer.u8(dataCoding)
        writer.u8(0)  // sm_default_msg_id
        writer.u8(UInt8(shortMessage.count))
        writer.bytes(shortMessage)
        writer.bytes(SMPPTLV.encodeAll(parameters))
        return writer.octets
    }

    /// Reads the fields of a `submit_sm` or `deliver_sm` body.
    public static func decode(_ body: [UInt8]) throws(SMPPDecodingError) -> SMPPShortMessage {
        var reader = SMPPFieldReader(body)
        var message = SMPPShortMessage()
        message.serviceType = try reader.cString()
        message.sourceTON = try reader.u8()
        message.sourceNPI = try reader.u8()
        message.sourceAddress = try reader.cString()
        message.destinationTON = try reader.u8()
        message.destinationNPI = try reader.u8()
        message.destinationAddress = try reader.cString()
        message.esmClass = try reader.u8()
        message.protocolID = try reader.u8()
        message.priority = try reader.u8()
        _ = try reader.cString()
        _ = try reader.cString()
        message.registeredDelivery = try reader.u8()
        _ = try reader.u8()
        message.dataCoding = try reader.u8()
        _ = try reader.u8()
        let length = try reader.u8()
        message.shortMessage = try reader.bytes(Int(length))
        message.parameters = try SMPPTLV.decodeAll(reader.rest())
        return message
    }
}

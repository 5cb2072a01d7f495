/// One SMPP 3.4 PDU: the 16-octet header and the body, which the command's own type reads and writes.
public struct SMPPPDU: Sendable, Equatable {
    /// The header's length: command_length, command_id, command_status and sequence_number.
    public static let headerLength = 16
    /// The largest PDU this ESME reads; an SMSC's PDUs are a few hundred octets, so more is a broken stream.
    public static let maximumLength = 64 * 1024

    /// What the PDU is.
    public var command: SMPPCommand
    /// Zero in requests; the outcome in responses.
    public var status: SMPPCommandStatus
    /// Pairs a response with its request.
    public var sequence: UInt32
    /// The command's fields, as encoded.
    public var body: [UInt8]

    /// Creates a PDU.
    public init(command: SMPPCommand, status: SMPPCommandStatus = .ok, sequence: UInt32, body: [UInt8] = []) {
        self.command = command
        self.status = status
        self.sequence = sequence
        self.body = body
    }

    /// The PDU as sent on the wire.
    public var encoded: [UInt8] {
        var writer = SMPPFieldWriter()
        writer.u32(UInt32(Self.headerLength + body.count))
        writer.u32(command.rawValue)
        writer.u32(status.rawValue)
        writer.u32(sequence)
        writer.bytes(body)
        return writer.octets
    }

    /// Reads one whole PDU, header included; throws when its length field disagrees with `octets`.
    public static func decode(_ octets: [UInt8]) throws(SMPPDecodingError) -> SMPPPDU {
        var reader = SMPPFieldReader(octets)
        let length = try reader.u32()
        guard Int(length) == octets.count, octets.count >= headerLength else {
            throw SMPPDecodingError("command_length \(length) does not match the \(octets.count) octets read")
        }
        let command = SMPPCommand(rawValue: try reader.u32())
        let status = SMPPCommandStatus(rawValue: try reader.u32())
        let sequence = try reader.u32()
        return SMPPPDU(command: command, status: status, sequence: sequence, body: Array(octets[headerLength...]))
    }
}

/// A PDU or field that does not follow SMPP 3.4.
public struct SMPPDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

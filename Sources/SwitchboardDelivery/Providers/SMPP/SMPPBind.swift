/// The body of `bind_transceiver`: who the ESME is, and the SMPP version it speaks.
public struct SMPPBind: Sendable, Equatable {
    /// The account at the SMSC.
    public var systemID: String
    /// Its password; never logged.
    public var password: String
    /// The kind of ESME, when the SMSC asks for one.
    public var systemType: String
    /// TON of the addresses this session serves.
    public var addressTON: UInt8
    /// NPI of the addresses this session serves.
    public var addressNPI: UInt8

    /// Creates the body.
    public init(systemID: String, password: String, systemType: String, addressTON: UInt8 = 0, addressNPI: UInt8 = 0) {
        self.systemID = systemID
        self.password = password
        self.systemType = systemType
        self.addressTON = addressTON
        self.addressNPI = addressNPI
    }

    /// SMPP 3.4's `interface_version`.
    static let interfaceVersion: UInt8 = 0x34

    /// The fields in order, each cut to the size SMPP 3.4 allows.
    public var encoded: [UInt8] {
        var writer = SMPPFieldWriter()
        writer.cString(systemID, maximum: 16)
        writer.cString(password, maximum: 9)
        writer.cString(systemType, maximum: 13)
        writer.u8(Self.interfaceVersion)
        writer.u8(addressTON)
        writer.u8(addressNPI)
        writer.cString("", maximum: 41)
        return writer.octets
    }

    /// Reads the fields back, as an SMSC does.
    public static func decode(_ body: [UInt8]) throws(SMPPDecodingError) -> SMPPBind {
        var reader = SMPPFieldReader(body)
        let systemID = try reader.cString()
        let password = try reader.cString()
        let systemType = try reader.cString()
        _ = try reader.u8()
        return SMPPBind(systemID: systemID, password: password, systemType: systemType, addressTON: try reader.u8(), addressNPI: try reader.u8())
    }
}

/// The description leaves the password out, so a bind in a log line or an error leaks nothing.
extension SMPPBind: CustomStringConvertible, CustomDebugStringConvertible {
    /// The system_id and system_type.
    public var description: String { "bind as \(systemID) (system_type \(systemType.isEmpty ? "none" : systemType))" }
    /// The same as `description`.
    public var debugDescription: String { description }
}

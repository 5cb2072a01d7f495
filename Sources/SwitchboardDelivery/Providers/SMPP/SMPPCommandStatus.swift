/// The `command_status` of an SMPP 3.4 response: zero for success, otherwise the SMSC's reason.
public struct SMPPCommandStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The status on the wire.
    public var rawValue: UInt32

    /// Wraps a status read from the wire.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `ESME_ROK`.
    public static let ok = SMPPCommandStatus(rawValue: 0x00)
    /// `ESME_RSYSERR`: the SMSC's own error.
    public static let systemError = SMPPCommandStatus(rawValue: 0x08)
    /// `ESME_RINVDSTADR`: the destination address is not valid.
    public static let invalidDestination = SMPPCommandStatus(rawValue: 0x0B)
    /// `ESME_RBINDFAIL`: the bind was refused.
    public static let bindFailed = SMPPCommandStatus(rawValue: 0x0D)
    /// `ESME_RINVPASWD`: the password is wrong.
    public static let invalidPassword = SMPPCommandStatus(rawValue: 0x0E)
    /// `ESME_RINVSYSID`: the system_id is unknown.
    public static let invalidSystemID = SMPPCommandStatus(rawValue: 0x0F)
    /// `ESME_RMSGQFUL`: the SMSC's queue is full.
    public static let queueFull = SMPPCommandStatus(rawValue: 0x14)
    /// `ESME_RTHROTTLED`: the ESME is over its rate.
    public static let throttled = SMPPCommandStatus(rawValue: 0x58)
    /// `ESME_RX_T_APPN`: a temporary error in the receiving application; the sender should try again.
    public static let temporaryAppError = SMPPCommandStatus(rawValue: 0x64)

    /// The spec's names, for error text an operator can look up.
    static let names: [UInt32: String] = [
        0x00: "ESME_ROK", 0x01: "ESME_RINVMSGLEN", 0x02: "ESME_RINVCMDLEN", 0x03: "ESME_RINVCMDID",
        0x04: "ESME_RINVBNDSTS", 0x05: "ESME_RALYBND", 0x06: "ESME_RINVPRTFLG", 0x07: "ESME_RINVREGDLVFLG",
        0x08: "ESME_RSYSERR", 0x0A: "ESME_RINVSRCADR", 0x0B: "ESME_RINVDSTADR", 0x0C: "ESME_RINVMSGID",
        0x0D: "ESME_RBINDFAIL", 0x0E: "ESME_RINVPASWD", 0x0F: "ESME_RINVSYSID", 0x11: "ESME_RCANCELFAIL",
        0x13: "ESME_RREPLACEFAIL", 0x14: "ESME_RMSGQFUL", 0x15: "ESME_RINVSERTYP", 0x33: "ESME_RINVNUMDESTS",
        0x34: "ESME_RINVDLNAME", 0x40: "ESME_RINVDESTFLAG", 0x42: "ESME_RINVSUBREP", 0x43: "ESME_RINVESMCLASS",
        0x44: "ESME_RCNTSUBDL", 0x45: "ESME_RSUBMITFAIL", 0x48: "ESME_RINVSRCTON", 0x49: "ESME_RINVSRCNPI",
        0x50: "ESME_RINVDSTTON", 0x51: "ESME_RINVDSTNPI", 0x53: "ESME_RINVSYSTYP", 0x54: "ESME_RINVREPFLAG",
        0x55: "ESME_RINVNUMMSGS", 0x58: "ESME_RTHROTTLED", 0x61: "ESME_RINVSCHED", 0x62: "ESME_RINVEXPIRY",
        0x63: "ESME_RINVDFTMSGID", 0x64: "ESME_RX_T_APPN", 0x65: "ESME_RX_P_APPN", 0x66: "ESME_RX_R_APPN",
        0x67: "ESME_RQUERYFAIL", 0xC0: "ESME_RINVOPTPARSTREAM", 0xC1: "ESME_ROPTPARNOTALLWD",
        0xC2: "ESME_RINVPARLEN", 0xC3: "ESME_RMISSINGOPTPARAM", 0xC4: "ESME_RINVOPTPARAMVAL",
        0xFE: "ESME_RDELIVERYFAILURE", 0xFF: "ESME_RUNKNOWNERR",
    ]

    /// The status's name and number, such as `ESME_RTHROTTLED (0x58)`.
    public var description: String {
        let hex = "0x" + String(rawValue, radix: 16, uppercase: true)
        return Self.names[rawValue].map { "\($0) (\(hex))" } ?? "command_status \(hex)"
    }
}

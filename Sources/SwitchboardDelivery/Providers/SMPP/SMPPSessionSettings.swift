public import SwitchboardCore

/// An `smpp` sender's settings as the session uses them, with the defaults SMPP senders usually want.
public struct SMPPSessionSettings: Sendable, Equatable {
    /// The SMSC's host.
    public var host: String
    /// The SMSC's port.
    public var port: Int
    /// The bind's account and password, and the ESME kind some SMSCs ask for.
    public var bind: SMPPBind
    /// How many `submit_sm` may wait for their response at once.
    public var window: Int
    /// TON and NPI of the sender's address in `submit_sm`; international E.164 (1, 1) unless set.
    public var sourceTON: UInt8
    /// See `sourceTON`.
    public var sourceNPI: UInt8

    /// The window when the sender does not set one: what SMSCs commonly allow an ESME.
    public static let defaultWindow = 10

    /// Reads the sender's settings; throws the refusal to record when one that must be there is missing.
    public init(_ sender: ConfiguredSender) throws(SMPPSettingsInvalid) {
        guard let host = sender.setting("host"), !host.isEmpty else { throw SMPPSettingsInvalid("host") }
        guard let port = sender.setting("port").flatMap(Int.init), (1...65535).contains(port) else { throw SMPPSettingsInvalid("port") }
        guard let systemID = sender.setting("system_id"), !systemID.isEmpty else { throw SMPPSettingsInvalid("system_id") }
        self.host = host
        self.port = port
        self.bind = SMPPBind(systemID: systemID, password: sender.setting("password") ?? "", systemType: sender.setting("system_type") ?? "")
        self.window = max(1, sender.setting("window").flatMap(Int.init) ?? Self.defaultWindow)
        self.sourceTON = sender.setting("source_ton").flatMap(UInt8.init) ?? 1
        self.sourceNPI = sender.setting("source_npi").flatMap(UInt8.init) ?? 1
    }

    /// `host:port`, for error text.
    public var peer: String { "\(host):\(port)" }
}

/// An `smpp` sender lacks a setting the session needs.
public struct SMPPSettingsInvalid: Error, Sendable, CustomStringConvertible {
    /// The setting's key.
    public var key: String

    /// Creates the error.
    public init(_ key: String) { self.key = key }

    /// Names the setting, never a value.
    public var description: String { "the SMPP sender's \(key) setting is missing or not valid" }
}

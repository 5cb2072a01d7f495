/// The SMSC answered `bind_transceiver` with an error: wrong credentials, an unknown system_id, no room.
public struct SMPPBindRefused: Error, Sendable, Equatable, CustomStringConvertible {
    /// `host:port` of the SMSC.
    public var peer: String
    /// Its answer.
    public var status: SMPPCommandStatus

    /// Creates the error.
    public init(peer: String, status: SMPPCommandStatus) {
        self.peer = peer
        self.status = status
    }

    /// One line for the sender's health: what the SMSC said and what to check, without the password.
    public var description: String {
        let credentials = [SMPPCommandStatus.bindFailed, .invalidPassword, .invalidSystemID, SMPPCommandStatus(rawValue: 0x53)].contains(status)
        return "the SMSC at \(peer) refused the bind: \(status)"
            + (credentials ? "; check the sender's system_id, password and system_type" : "")
    }
}

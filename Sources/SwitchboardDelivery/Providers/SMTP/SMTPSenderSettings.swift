public import SwitchboardCore

/// An `smtp` sender's settings as the connector uses them.
public struct SMTPSenderSettings: Sendable {
    /// The relay's host.
    public var host: String
    /// The relay's port: 587 (submission) unless given.
    public var port: Int
    /// Whether STARTTLS is required (`starttls` is `required`, the default, or `off`).
    public var requireTLS: Bool
    /// A PEM bundle to trust instead of the system's store.
    public var caFile: String?
    /// AUTH's username and password, when both are given.
    public var credentials: (username: String, password: String)?
    /// The display name in `From`.
    public var fromName: String?

    /// Reads the settings of `sender`; throws the refusal to keep on the message when they cannot be used.
    public init(_ sender: ConfiguredSender) throws(TwilioError) {
        guard let host = sender.setting("host"), !host.isEmpty else { throw Self.refusal("the sender has no host") }
        self.host = host
        if let text = sender.setting("port"), !text.isEmpty {
            guard let port = Int(text), (1...65535).contains(port) else { throw Self.refusal("port \(text) is not a TCP port") }
            self.port = port
        } else {
            port = 587
        }
        switch sender.setting("starttls")?.lowercased() ?? "required" {
        case "", "required": requireTLS = true
        case "off": requireTLS = false
        case let other: throw Self.refusal("starttls must be required or off; got '\(other)'")
        }
        caFile = sender.setting("ca_file").flatMap { $0.isEmpty ? nil : $0 }
        if let username = sender.setting("username"), !username.isEmpty, let password = sender.setting("password"), !password.isEmpty {
            credentials = (username, password)
        }
        fromName = sender.setting("from_name").flatMap { $0.isEmpty ? nil : $0 }
    }

    static func refusal(_ reason: String) -> TwilioError {
        TwilioError(code: 30008, message: "SMTP sender settings: \(reason)", httpStatus: 400)
    }
}

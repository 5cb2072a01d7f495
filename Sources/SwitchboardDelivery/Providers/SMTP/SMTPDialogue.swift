import Foundation

/// The client's side of one SMTP session (RFC 5321, RFC 3207 STARTTLS, RFC 4954 AUTH): greeting, EHLO, STARTTLS
/// and EHLO again, AUTH PLAIN or LOGIN, then the transaction and QUIT. Any 4xx or 5xx ends it with
/// ``SMTPNegativeReply``, naming the step.
public struct SMTPDialogue: Sendable {
    /// Whether STARTTLS is required; when `false` the session stays in plain text.
    public var requireTLS: Bool
    /// AUTH's username and password, when the sender has them.
    public var credentials: (username: String, password: String)?
    /// The name given in EHLO.
    public var clientName: String

    /// Creates the dialogue.
    public init(requireTLS: Bool, credentials: (username: String, password: String)?, clientName: String) {
        self.requireTLS = requireTLS
        self.credentials = credentials
        self.clientName = clientName
    }

    /// Runs the session over `link` and delivers `envelope`.
    public func deliver(_ envelope: SMTPEnvelope, over link: some SMTPLink) async throws {
        try expect(try await link.reply(), step: "greeting")
        var hello = try await self.hello(link)
        if requireTLS {
            guard hello.offers("STARTTLS") else { throw SMTPStartTLSMissing() }
            try await command("STARTTLS", step: "STARTTLS", on: link)
            try await link.startTLS()
            hello = try await self.hello(link)
        }
        if let credentials { try await authenticate(credentials, hello: hello, on: link) }
        try await command("MAIL FROM:<\(envelope.from)>", step: "MAIL FROM", on: link)
        for recipient in envelope.recipients { try await command("RCPT TO:<\(recipient)>", step: "RCPT TO", on: link) }
        try await command("DATA", step: "DATA", on: link)
        try await link.sendRaw(DotStuffing.stuff(envelope.mail))
        try expect(try await link.reply(), step: "end of DATA")
        // The mail is accepted; a server that closes without answering QUIT changes nothing.
        try? await link.send("QUIT")
        _ = try? await link.reply()
    }

    func hello(_ link: some SMTPLink) async throws -> SMTPReply {
        try await link.send("EHLO \(clientName)")
        let reply = try await link.reply()
        try expect(reply, step: "EHLO")
        return reply
    }

    func authenticate(_ credentials: (username: String, password: String), hello: SMTPReply, on link: some SMTPLink) async throws {
        let mechanisms = hello.extensionParameters("AUTH") ?? []
        if mechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))).base64EncodedString()
            try await command("AUTH PLAIN \(token)", step: "AUTH", on: link)
        } else if mechanisms.contains("LOGIN") {
            try await command("AUTH LOGIN", step: "AUTH", on: link)
            try await command(Data(credentials.username.utf8).base64EncodedString(), step: "AUTH", on: link)
            try await command(Data(credentials.password.utf8).base64EncodedString(), step: "AUTH", on: link)
        } else {
            throw SMTPAuthUnavailable(offered: mechanisms)
        }
    }

    func command(_ line: String, step: String, on link: some SMTPLink) async throws {
        try await link.send(line)
        try expect(try await link.reply(), step: step)
    }

    func expect(_ reply: SMTPReply, step: String) throws {
        guard reply.isPositive else { throw SMTPNegativeReply(step: step, reply: reply) }
    }
}

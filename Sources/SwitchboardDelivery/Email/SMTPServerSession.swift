/// The listener's side of one SMTP session (RFC 5321): the state between EHLO, MAIL, RCPT and DATA, the SIZE
/// limit (RFC 1870), and DATA's dot-unstuffing. It reads one line at a time and answers with replies, so a
/// connection of any kind, or a test, can drive it.
public struct SMTPServerSession: Sendable {
    let drop: any MailDrop
    let maximumMessageBytes: Int
    let serverName: String
    var greeted = false
    var envelopeFrom: String?
    var recipients: [String] = []
    var data: [UInt8]?
    var oversize = false
    /// Whether STARTTLS may be offered: the listener has a certificate and TLS has not started yet.
    var offersTLS: Bool
    /// Set once QUIT is answered: the connection closes.
    public private(set) var finished = false
    /// Set once STARTTLS is answered with 220: the connection starts TLS before reading another line, and the
    /// session begins again, as RFC 3207 requires.
    public private(set) var startingTLS = false

    /// A session that hands mail to `drop`, takes mails of at most `maximumMessageBytes`, and offers STARTTLS
    /// when `offersTLS`.
    public init(drop: any MailDrop, maximumMessageBytes: Int, offersTLS: Bool = false, serverName: String = "switchboard") {
        self.drop = drop
        self.maximumMessageBytes = maximumMessageBytes
        self.offersTLS = offersTLS
        self.serverName = serverName
    }

    /// Forgets everything the client said before TLS, which an attacker in the middle may have written, and
    /// stops offering STARTTLS.
    public mutating func tlsStarted() {
        startingTLS = false
        offersTLS = false
        greeted = false
        reset()
    }

    /// The greeting sent when the connection opens.
    public var greeting: SMTPServerReply { SMTPServerReply(220, "\(serverName) ESMTP Switchboard") }

    /// Whether the session is reading a mail's lines, which may be longer than a command's.
    public var readingData: Bool { data != nil }

    /// Takes one line (without its CRLF) and returns the reply to it; `nil` while DATA's lines are read.
    public mutating func receive(_ line: ArraySlice<UInt8>) async -> SMTPServerReply? {
        if data != nil { return await receiveData(line) }
        let text = String(decoding: line, as: UTF8.self)
        let verb = text.prefix { $0 != " " }.uppercased()
        let argument = String(text.dropFirst(verb.count)).trimmed(" \t")
        switch verb {
        case "EHLO":
            greeted = true
            reset()
            let extensions = ["SIZE \(maximumMessageBytes)", "8BITMIME", "ENHANCEDSTATUSCODES"] + (offersTLS ? ["STARTTLS"] : [])
            return SMTPServerReply(code: 250, lines: ["\(serverName) greets \(argument.isEmpty ? "you" : argument)"] + extensions)
        case "HELO":
            greeted = true
            reset()
            return SMTPServerReply(250, serverName)
        case "MAIL": return mail(argument)
        case "RCPT": return await recipient(argument)
        case "DATA":
            guard envelopeFrom != nil, !recipients.isEmpty else { return SMTPServerReply(503, "5.5.1 RCPT TO first") }
            guard argument.isEmpty else { return SMTPServerReply(501, "5.5.4 DATA takes no argument") }
            data = []
            oversize = false
            return SMTPServerReply(354, "End data with <CR><LF>.<CR><LF>")
        case "RSET":
            reset()
            return SMTPServerReply(250, "2.0.0 OK")
        case "NOOP": return SMTPServerReply(250, "2.0.0 OK")
        case "VRFY": return SMTPServerReply(252, "2.5.2 Cannot VRFY; send the mail and see")
        case "QUIT":
            finished = true
            return SMTPServerReply(221, "2.0.0 Bye")
        case "STARTTLS" where offersTLS:
            guard argument.isEmpty else { return SMTPServerReply(501, "5.5.4 STARTTLS takes no argument") }
            startingTLS = true
            return SMTPServerReply(220, "2.0.0 Ready to start TLS")
        case "STARTTLS", "AUTH": return SMTPServerReply(502, "5.5.1 \(verb) is not offered here")
        default: return SMTPServerReply(500, "5.5.2 Command not recognized")
        }
    }

    mutating func mail(_ argument: String) -> SMTPServerReply {
        guard greeted else { return SMTPServerReply(503, "5.5.1 EHLO first") }
        guard envelopeFrom == nil else { return SMTPServerReply(503, "5.5.1 Nested MAIL command") }
        guard argument.uppercased().hasPrefix("FROM:"), let (address, parameters) = Self.path(argument.dropFirst(5)) else {
            return SMTPServerReply(501, "5.5.4 Syntax: MAIL FROM:<address>")
        }
        for parameter in parameters where parameter.uppercased().hasPrefix("SIZE=") {
            if let size = Int(parameter.dropFirst(5)), size > maximumMessageBytes {
                return SMTPServerReply(552, "5.3.4 Message size exceeds fixed maximum message size of \(maximumMessageBytes) bytes")
            }
        }
        envelopeFrom = address
        return SMTPServerReply(250, "2.1.0 OK")
    }

    mutating func recipient(_ argument: String) async -> SMTPServerReply {
        guard envelopeFrom != nil else { return SMTPServerReply(503, "5.5.1 MAIL FROM first") }
        guard argument.uppercased().hasPrefix("TO:"), let (address, _) = Self.path(argument.dropFirst(3)), !address.isEmpty else {
            return SMTPServerReply(501, "5.5.4 Syntax: RCPT TO:<address>")
        }
        do {
            guard try await drop.accepts(recipient: address) else {
                return SMTPServerReply(550, "5.1.1 <\(address)>: no email sender has this address")
            }
        } catch {
            return SMTPServerReply(451, "4.3.0 Recipient lookup failed; try again later")
        }
        if !recipients.contains(address) { recipients.append(address) }
        return SMTPServerReply(250, "2.1.5 OK")
    }

    mutating func receiveData(_ line: ArraySlice<UInt8>) async -> SMTPServerReply? {
        if line.elementsEqual([UInt8(ascii: ".")]) {
            let mail = data ?? []
            let tooLarge = oversize
            let from = envelopeFrom ?? ""
            let to = recipients
            reset()
            if tooLarge { return SMTPServerReply(552, "5.3.4 Message size exceeds fixed maximum message size of \(maximumMessageBytes) bytes") }
            return await drop.deliver(mail, envelopeFrom: from, recipients: to)
        }
        guard !oversize else { return nil }
        let unstuffed = DotStuffing.unstuff(line)
        if (data?.count ?? 0) + unstuffed.count + 2 > maximumMessageBytes {
            // The rest is read and dropped, so the reply comes after the client's final dot.
            oversize = true
            data = []
            return nil
        }
        data?.append(contentsOf: unstuffed)
        data?.append(contentsOf: [0x0D, 0x0A])
        return nil
    }

    mutating func reset() {
        envelopeFrom = nil
        recipients = []
        data = nil
        oversize = false
    }

    /// The address in `<…>` and the ESMTP parameters after it.
    static func path(_ text: Substring) -> (String, [Substring])? {
        let trimmed = text.drop { $0 == " " }
        guard trimmed.first == "<", let close = trimmed.firstIndex(of: ">") else { return nil }
        let address = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
        let parameters = trimmed[trimmed.index(after: close)...].split(separator: " ")
        return (address, parameters)
    }
}

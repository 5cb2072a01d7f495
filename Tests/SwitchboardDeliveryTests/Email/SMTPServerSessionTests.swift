import Synchronization
import Testing
@testable import SwitchboardDelivery

/// The listener's session, line by line: recipients checked, sizes limited, DATA unstuffed and handed over.
@Suite struct SMTPServerSessionTests {
    final class RecordingDrop: MailDrop {
        let delivered = Mutex<[(mail: String, from: String, to: [String])]>([])
        func accepts(recipient: String) async throws -> Bool { recipient == "support@example.com" }
        func deliver(_ mail: [UInt8], envelopeFrom: String, recipients: [String]) async -> SMTPServerReply {
            delivered.withLock { $0.append((String(decoding: mail, as: UTF8.self), envelopeFrom, recipients)) }
            return SMTPServerReply(250, "2.0.0 OK: queued")
        }
    }

    static func say(_ line: String, to session: inout SMTPServerSession) async -> SMTPServerReply? {
        await session.receive(Array(line.utf8)[...])
    }

    @Test func aMailIsTakenForASendersAddressOnlyAndHandedOverUnstuffed() async {
        let drop = RecordingDrop()
        var session = SMTPServerSession(drop: drop, maximumMessageBytes: 1000)
        #expect(session.greeting.wire.hasPrefix("220 "))
        #expect(await Self.say("MAIL FROM:<ada@example.org>", to: &session)?.code == 503)
        let hello = await Self.say("EHLO client.example.org", to: &session)
        #expect(hello?.wire.contains("250-SIZE 1000\r\n") == true)
        #expect(await Self.say("MAIL FROM:<ada@example.org> SIZE=200", to: &session)?.code == 250)
        #expect(await Self.say("RCPT TO:<nobody@example.com>", to: &session)?.code == 550)
        #expect(await Self.say("DATA", to: &session)?.code == 503)
        #expect(await Self.say("RCPT TO:<support@example.com>", to: &session)?.code == 250)
        #expect(await Self.say("DATA", to: &session)?.code == 354)
        for line in ["Subject: hi", "", "..leading dot", "body"] { #expect(await Self.say(line, to: &session) == nil) }
        #expect(await Self.say(".", to: &session)?.code == 250)
        let delivered = drop.delivered.withLock { $0 }
        #expect(delivered.count == 1)
        #expect(delivered.first?.mail == "Subject: hi\r\n\r\n.leading dot\r\nbody\r\n")
        #expect(delivered.first?.from == "ada@example.org")
        #expect(delivered.first?.to == ["support@example.com"])
        #expect(await Self.say("QUIT", to: &session)?.code == 221)
        #expect(session.finished)
    }

    @Test func mailPastTheLimitIsRefusedWith552WhetherAnnouncedOrNot() async {
        let drop = RecordingDrop()
        var session = SMTPServerSession(drop: drop, maximumMessageBytes: 100)
        _ = await Self.say("EHLO c", to: &session)
        #expect(await Self.say("MAIL FROM:<a@example.org> SIZE=101", to: &session)?.code == 552)
        #expect(await Self.say("MAIL FROM:<a@example.org>", to: &session)?.code == 250)
        #expect(await Self.say("RCPT TO:<support@example.com>", to: &session)?.code == 250)
        #expect(await Self.say("DATA", to: &session)?.code == 354)
        for _ in 0..<10 { #expect(await Self.say(String(repeating: "x", count: 30), to: &session) == nil) }
        #expect(await Self.say(".", to: &session)?.code == 552)
        #expect(drop.delivered.withLock { $0.isEmpty })
        #expect(await Self.say("NOOP", to: &session)?.code == 250)
        #expect(await Self.say("STARTTLS", to: &session)?.code == 502)
        #expect(await Self.say("BOGUS", to: &session)?.code == 500)
    }

    @Test func startTLSIsOfferedOnceAndForgetsWhatCameBefore() async {
        let drop = RecordingDrop()
        var plain = SMTPServerSession(drop: drop, maximumMessageBytes: 100)
        #expect(await Self.say("EHLO c", to: &plain)?.lines.contains("STARTTLS") == false)
        #expect(await Self.say("STARTTLS", to: &plain)?.code == 502)

        var session = SMTPServerSession(drop: drop, maximumMessageBytes: 100, offersTLS: true)
        #expect(await Self.say("EHLO c", to: &session)?.lines.last == "STARTTLS")
        #expect(await Self.say("MAIL FROM:<a@example.org>", to: &session)?.code == 250)
        #expect(await Self.say("STARTTLS", to: &session)?.code == 220)
        #expect(session.startingTLS)
        session.tlsStarted()
        #expect(!session.startingTLS)
        // The envelope and greeting from before TLS are gone.
        #expect(await Self.say("RCPT TO:<support@example.com>", to: &session)?.code == 503)
        #expect(await Self.say("MAIL FROM:<a@example.org>", to: &session)?.code == 503)
        #expect(await Self.say("EHLO c", to: &session)?.lines.contains("STARTTLS") == false)
        #expect(await Self.say("STARTTLS", to: &session)?.code == 502)
    }

    @Test func aMultiLineReplyMarksEachLineButTheLast() {
        #expect(SMTPServerReply(250, "a", "b", "c").wire == "250-a\r\n250-b\r\n250 c\r\n")
    }
}

import Foundation
import Testing
@testable import SwitchboardDelivery

/// The client's dialogue against a scripted server: the order of commands, STARTTLS and AUTH, and each failure.
@Suite struct SMTPDialogueTests {
    static let envelope = SMTPEnvelope(from: "support@example.com", recipients: ["ada@example.org"], mail: Array("Subject: hi\r\n\r\n.dot\r\n".utf8))
    static let greeting = SMTPReply.ok(220, "relay.example.com ESMTP")
    static let hello = SMTPReply(code: 250, lines: ["relay.example.com", "SIZE 1000000", "STARTTLS", "AUTH LOGIN PLAIN"])
    static let helloAfterTLS = SMTPReply(code: 250, lines: ["relay.example.com", "AUTH LOGIN PLAIN"])
    static let transaction: [SMTPReply] = [.ok(), .ok(), .ok(354, "go ahead"), .ok(250, "2.0.0 queued"), .ok(221, "bye")]

    @Test func aSessionGreetsSwitchesToTLSSaysHelloAgainLogsInAndSendsTheStuffedMail() async throws {
        let link = ScriptedSMTPLink([Self.greeting, Self.hello, .ok(220, "ready"), Self.helloAfterTLS, .ok(235, "2.7.0 ok")] + Self.transaction)
        let dialogue = SMTPDialogue(requireTLS: true, credentials: ("agent", "s3cret"), clientName: "example.com")
        try await dialogue.deliver(Self.envelope, over: link)
        let plain = Data([0] + Array("agent".utf8) + [0] + Array("s3cret".utf8)).base64EncodedString()
        #expect(link.sent == [
            "EHLO example.com", "STARTTLS", "EHLO example.com", "AUTH PLAIN \(plain)", "MAIL FROM:<support@example.com>",
            "RCPT TO:<ada@example.org>", "DATA", "Subject: hi\r\n\r\n..dot\r\n.\r\n", "QUIT",
        ])
        #expect(link.tlsStarted)
    }

    @Test func loginIsUsedWhenItIsTheOnlyMechanism() async throws {
        let hello = SMTPReply(code: 250, lines: ["relay", "AUTH LOGIN"])
        let link = ScriptedSMTPLink([Self.greeting, hello, .ok(334, "VXNlcm5hbWU6"), .ok(334, "UGFzc3dvcmQ6"), .ok(235, "ok")] + Self.transaction)
        try await SMTPDialogue(requireTLS: false, credentials: ("agent", "s3cret"), clientName: "example.com").deliver(Self.envelope, over: link)
        #expect(Array(link.sent[1...3]) == ["AUTH LOGIN", Data("agent".utf8).base64EncodedString(), Data("s3cret".utf8).base64EncodedString()])
        #expect(!link.tlsStarted)
    }

    @Test func withoutSTARTTLSOfferedNothingIsSentWhenTLSIsRequired() async throws {
        let link = ScriptedSMTPLink([Self.greeting, SMTPReply(code: 250, lines: ["relay", "AUTH PLAIN"])])
        await #expect(throws: SMTPStartTLSMissing.self) {
            try await SMTPDialogue(requireTLS: true, credentials: nil, clientName: "example.com").deliver(Self.envelope, over: link)
        }
        #expect(link.sent == ["EHLO example.com"])
    }

    @Test func aRefusedPasswordNamesTheAuthStep() async throws {
        let link = ScriptedSMTPLink([Self.greeting, Self.helloAfterTLS, .ok(535, "5.7.8 Authentication credentials invalid")])
        await #expect(throws: SMTPNegativeReply(step: "AUTH", reply: SMTPReply(code: 535, lines: ["5.7.8 Authentication credentials invalid"]))) {
            try await SMTPDialogue(requireTLS: false, credentials: ("agent", "wrong"), clientName: "example.com").deliver(Self.envelope, over: link)
        }
    }

    @Test func credentialsWithoutAnAuthOfferAreAClearRefusal() async throws {
        let link = ScriptedSMTPLink([Self.greeting, SMTPReply(code: 250, lines: ["relay", "AUTH CRAM-MD5"])])
        await #expect(throws: SMTPAuthUnavailable.self) {
            try await SMTPDialogue(requireTLS: false, credentials: ("agent", "s3cret"), clientName: "example.com").deliver(Self.envelope, over: link)
        }
    }

    @Test func aTemporaryRefusalOfTheMailIsANegativeReplyAtTheEndOfData() async throws {
        let link = ScriptedSMTPLink([Self.greeting, Self.helloAfterTLS, .ok(), .ok(), .ok(354, "go"), .ok(451, "4.3.0 try later")])
        await #expect(throws: SMTPNegativeReply(step: "end of DATA", reply: SMTPReply(code: 451, lines: ["4.3.0 try later"]))) {
            try await SMTPDialogue(requireTLS: false, credentials: nil, clientName: "example.com").deliver(Self.envelope, over: link)
        }
    }

    @Test func repliesAreReadAcrossLinesAndPacketsAndNonRepliesAreRefused() throws {
        var reader = SMTPReplyReader()
        reader.append(Array("250-relay.example.com\r\n250-STAR".utf8))
        #expect(try reader.next() == nil)
        reader.append(Array("TTLS\r\n250 AUTH PLAIN LOGIN\r\n".utf8))
        let reply = try #require(try reader.next())
        #expect(reply.code == 250)
        #expect(reply.offers("STARTTLS"))
        #expect(reply.extensionParameters("AUTH") == ["PLAIN", "LOGIN"])
        reader.append(Array("HTTP/1.1 400 Bad Request\r\n".utf8))
        #expect(throws: SMTPProtocolViolation.self) { try reader.next() }
    }
}

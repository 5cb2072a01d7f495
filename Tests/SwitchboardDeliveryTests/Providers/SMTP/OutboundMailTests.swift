import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// The mail a message becomes, read back with the listener's own MIME reader, and the error codes of refusals.
@Suite struct OutboundMailTests {
    static let date = Date(timeIntervalSince1970: 1_764_680_707)

    static func message(body: String, subject: String?) -> Message {
        Message(
            sid: "SM" + String(repeating: "a", count: 32), accountSid: "AC" + String(repeating: "0", count: 32), channel: .email,
            direction: .outboundAPI, from: "support@example.com", to: "ada@example.org", body: body, subject: subject,
            status: .sending, dateCreated: date, dateUpdated: date)
    }

    @Test func theMailHasEncodedHeadersBothAlternativesAndAStableMessageID() throws {
        let message = Self.message(body: "Grüße, Ada!\n\nYour order <#42> & more shipped.\n.\nBye", subject: "Ihre Bestellung — versandt")
        let id = OutboundMail.messageID(for: message, from: "support@example.com")
        #expect(id == "SM\(String(repeating: "a", count: 32))@example.com")
        let text = OutboundMail(fromAddress: "support@example.com", fromName: "Café Support", messageID: id, attachments: [])
            .render(message, date: Self.date)
        #expect(text.contains("From: =?utf-8?b?Q2Fmw6kgU3VwcG9ydA==?= <support@example.com>\r\n"))
        #expect(text.contains("To: <ada@example.org>\r\n"))
        #expect(text.contains("Subject: =?utf-8?b?"))
        #expect(text.contains("Date: Tue, 02 Dec 2025 13:05:07 +0000\r\n"))
        #expect(text.contains("Message-ID: <\(id)>\r\n"))
        #expect(text.contains("MIME-Version: 1.0\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 998 })

        let read = try InboundMail(Array(text.utf8), envelopeFrom: "support@example.com")
        #expect(read.subject == "Ihre Bestellung — versandt")
        #expect(read.text == "Grüße, Ada!\n\nYour order <#42> & more shipped.\n.\nBye")
        #expect(read.messageID == id)
        #expect(read.from == "support@example.com")
        let html = try #require(text.range(of: "Content-Type: text/html"))
        let htmlPart = String(text[html.lowerBound...])
        #expect(htmlPart.contains("<p>Gr=C3=BC=C3=9Fe, Ada!</p>"))
        #expect(htmlPart.contains("&lt;#42&gt; &amp; more shipped.<br>"))
    }

    @Test func attachmentsWrapTheAlternativesInAMixedMultipart() throws {
        let message = Self.message(body: "See attached", subject: "Invoice")
        let pdf = MailAttachment(filename: "invoice.pdf", contentType: "application/pdf", bytes: Array(repeating: 0xFF, count: 200))
        let text = OutboundMail(fromAddress: "support@example.com", fromName: nil, messageID: "x@example.com", attachments: [pdf])
            .render(message, date: Self.date)
        #expect(text.contains("From: <support@example.com>\r\n"))
        #expect(text.contains("Content-Type: multipart/mixed;"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"invoice.pdf\""))
        #expect(text.contains(MailBase64.encode(pdf.bytes)))
        #expect(try InboundMail(Array(text.utf8), envelopeFrom: "").text == "See attached")
        #expect(MailAttachment.describe("https://cdn.example.com/files/photo%201.JPG?x=1") == ("photo 1.JPG", "image/jpeg"))
    }

    @Test func dotsAtTheStartOfALineAreDoubledAndTheMailIsTerminated() {
        #expect(DotStuffing.stuff(Array(".a\r\nb\n..c".utf8)) == Array("..a\r\nb\r\n...c\r\n.\r\n".utf8))
        #expect(Array(DotStuffing.unstuff(Array("..c".utf8))) == Array(".c".utf8))
    }

    @Test func refusalsMapToTwilioCodes() {
        func code(_ step: String, _ value: Int, _ text: String) -> Int {
            SMTPErrorMapping.code(for: SMTPNegativeReply(step: step, reply: SMTPReply(code: value, lines: [text])))
        }
        #expect(code("RCPT TO", 550, "5.1.1 No such user") == 30005)
        #expect(code("RCPT TO", 553, "mailbox name not allowed") == 30005)
        #expect(code("end of DATA", 554, "5.7.1 Spam detected") == 30007)
        #expect(code("end of DATA", 554, "Transaction failed") == 30007)
        #expect(code("AUTH", 535, "5.7.8 Authentication credentials invalid") == 30008)
        #expect(code("end of DATA", 552, "5.3.4 Message too big") == 30008)
    }
}

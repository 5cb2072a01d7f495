import Foundation
import Testing
@testable import SwitchboardDelivery

/// Mail as clients send it, read for a conversation; malformed MIME refused with its reason.
@Suite struct InboundMailTests {
    static func mail(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    static let multipart = mail("""
        From: =?utf-8?q?Ada_L=C3=B6velace?= <ada@example.org>
        To: support@example.com
        Subject: =?utf-8?b?UmU6IFlvdXIgb3JkZXIg4pyU?=
        Message-ID: <reply-1@example.org>
        In-Reply-To: <SMaaaa@example.com>
        References: <older@example.com>
         <SMaaaa@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        Thanks =E2=80=94 it arrived. A long line that was soft=
         broken.
        --inner
        Content-Type: text/html; charset=utf-8

        <p>Thanks</p>
        --inner--
        --outer
        Content-Type: application/pdf
        Content-Disposition: attachment; filename="x.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0=
        --outer--
        """)

    @Test func aMultipartReplyGivesItsPlainTextSubjectAndThreadIDs() throws {
        let mail = try InboundMail(Self.multipart, envelopeFrom: "bounce@example.org")
        #expect(mail.from == "ada@example.org")
        #expect(mail.subject == "Re: Your order ✔")
        #expect(mail.text == "Thanks — it arrived. A long line that was soft broken.")
        #expect(mail.messageID == "reply-1@example.org")
        #expect(mail.replyTo == ["SMaaaa@example.com", "SMaaaa@example.com", "older@example.com"])
        #expect(MailAddressHeader("=?utf-8?q?Ada_L=C3=B6velace?= <ada@example.org>")?.displayName == "Ada Lövelace")
    }

    @Test func htmlOnlyMailIsReadAsTextAndBase64BodiesDecode() throws {
        // 0xE9 is é in ISO-8859-1 and no UTF-8 at all.
        let latin1 = Self.mail("""
            From: ada@example.org
            Content-Type: text/html; charset=iso-8859-1

            <div>Caf#?</div><p>Yes &amp; no</p>
            """).map { $0 == UInt8(ascii: "#") ? 0xE9 : $0 }
        let html = try InboundMail(latin1, envelopeFrom: "")
        #expect(html.text == "Café?\n\nYes & no")
        #expect(html.subject == nil)
        let base64 = try InboundMail(Self.mail("""
            From: Ada <ada@example.org>
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8sIHfDtnJsZA==
            """), envelopeFrom: "")
        #expect(base64.text == "Hello, wörld")
    }

    @Test(arguments: [
        ("From: a@example.org\nContent-Type: multipart/mixed\n\nbody", "without a boundary"),
        ("From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nunclosed", "not closed"),
        ("From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\nno parts at all", "no part"),
        ("From: a@example.org\nContent-Transfer-Encoding: base64\n\n!!not base64!!", "base64"),
        ("From: a@example.org\nContent-Transfer-Encoding: quoted-printable\n\nbad =ZZ", "quoted-printable"),
        ("this is not a header\n\nbody", "header line"),
    ])
    func malformedMIMEIsRefusedWithItsReason(_ text: String, _ reason: String) {
        #expect {
            try InboundMail(Self.mail(text), envelopeFrom: "a@example.org")
        } throws: { error in
            (error as? MalformedMail)?.reason.contains(reason) ?? false
        }
    }
}

import Foundation
import Testing
@testable import SwitchboardDelivery

/// Quoted-printable, base64 and RFC 2047 encoded words, both ways.
@Suite struct EmailCodecTests {
    @Test func quotedPrintableRoundTripsAndKeepsLinesShort() throws {
        let text = "Grüße = greetings, with a long line " + String(repeating: "é", count: 60) + " \nnext line\t\nend"
        let encoded = QuotedPrintable.encode(Array(text.utf8))
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("=3D"))
        #expect(encoded.contains("=20\r\nnext line=09\r\n"))
        let decoded = try QuotedPrintable.decode(Array(encoded.utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(throws: MalformedMail.self) { try QuotedPrintable.decode(Array("bad =ZZ escape".utf8)) }
    }

    @Test func base64IsWrappedAndReadAcrossLines() throws {
        let bytes = (0..<200).map { UInt8($0) }
        let encoded = MailBase64.encode(bytes)
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(try MailBase64.decode(Array(encoded.utf8)) == bytes)
        #expect(throws: MalformedMail.self) { try MailBase64.decode(Array("not*base64!".utf8)) }
    }

    @Test func encodedWordsCarryNonASCIIHeaders() {
        #expect(EncodedWord.encode("Plain subject") == "Plain subject")
        let long = String(repeating: "Привет ", count: 12)
        let encoded = EncodedWord.encode(long)
        #expect(encoded.split(separator: "\r\n ").allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?b?") })
        #expect(EncodedWord.decode(encoded) == long)
        #expect(EncodedWord.decode("=?ISO-8859-1?Q?Caf=E9_au_lait?= and =?utf-8?B?w6k=?=") == "Café au lait and é")
        #expect(EncodedWord.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(EncodedWord.decode("=?bogus") == "=?bogus")
    }

    @Test func htmlBecomesTextAndTextBecomesEscapedHTML() {
        let html = "<html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;<b>Ada</b></p><p>Line 1<br>Line &amp; 2</p></body></html>"
        #expect(HTMLText.plain(html) == "Hello Ada\n\nLine 1\nLine & 2")
        #expect(HTMLText.html(fromPlain: "a < b\n\nc").contains("<p>a &lt; b</p>\n<p>c</p>"))
    }
}

import Testing
@testable import SwitchboardCore
@testable import SwitchboardDelivery

@Suite("SMPP text: GSM 7-bit, UCS-2 and concatenation")
struct SMPPTextTests {
    @Test("the GSM basic table has 128 septets and round-trips, the extension table through the escape")
    func gsmTable() {
        #expect(GSM7Alphabet.basic.count == 128)
        let text = "@£$ Hello {world} [€5] ~ ^ | \\ ÄÖÑÜ§¿äöñüà ΔΦΓΛΩΠΨΣΘΞ"
        let encoded = GSM7Alphabet.encode(text)
        #expect(encoded?.first == 0x00)
        #expect(encoded.map(GSM7Alphabet.decode) == text)
        #expect(GSM7Alphabet.encode("{") == [0x1B, 0x28])
        #expect(GSM7Alphabet.encode("€") == [0x1B, 0x65])
    }

    @Test("the coding follows the text: GSM 7-bit when it can, UCS-2 otherwise")
    func coding() {
        #expect(SMPPDataCoding.choose(for: "Your order has shipped") == .gsm7)
        #expect(SMPPDataCoding.choose(for: "Prix: 5€ à Genève") == .gsm7)
        #expect(SMPPDataCoding.choose(for: "Привет") == .ucs2)
        #expect(SMPPDataCoding.choose(for: "Thanks 👍") == .ucs2)
        #expect(GSM7Alphabet.encode("ç") == nil)
    }

    @Test("UCS-2 is UTF-16 big-endian, and characters beyond the BMP survive")
    func ucs2() {
        let text = "Привет 👍"
        let octets = SMPPDataCoding.ucs2Octets(text)
        #expect(octets.prefix(2) == [0x04, 0x1F])
        #expect(SMPPDataCoding.decode(octets, dataCoding: 8) == text)
        #expect(SMPPDataCoding.decode(Array("caf\u{E9}".unicodeScalars.map { UInt8($0.value) }), dataCoding: 3) == "café")
    }

    @Test("a text that fits goes in one part without a header")
    func single() {
        let text = SMPPOutboundText(String(repeating: "a", count: 160), reference: 7)
        #expect(text.dataCoding == .gsm7)
        #expect(text.parts.count == 1)
        #expect(text.parts[0].count == 160)
        let unicode = SMPPOutboundText(String(repeating: "я", count: 70), reference: 7)
        #expect(unicode.parts.count == 1)
        #expect(unicode.parts[0].count == 140)
    }

    @Test("a long GSM text splits into 153-septet parts behind a concatenation header")
    func longGSM() throws {
        let body = String(repeating: "0123456789", count: 40)
        let text = SMPPOutboundText(body, reference: 0xA5)
        #expect(text.parts.count == 3)
        #expect(text.parts.map { $0.count - 6 } == [153, 153, 94])
        let headers = try text.parts.map { try SMPPUserDataHeader.split($0) }
        #expect(headers.map(\.header) == [1, 2, 3].map { SMPPUserDataHeader(reference: 0xA5, total: 3, sequence: $0) })
        #expect(GSM7Alphabet.decode(headers.flatMap(\.text)) == body)
    }

    @Test("an escape sequence is never cut between two parts")
    func escapeKeptWhole() throws {
        let body = String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 10)
        let text = SMPPOutboundText(body, reference: 1)
        #expect(text.parts.count == 2)
        #expect(text.parts[0].count - 6 == 152)
        let joined = try text.parts.flatMap { try SMPPUserDataHeader.split($0).text }
        #expect(GSM7Alphabet.decode(joined) == body)
    }

    @Test("a long UCS-2 text splits into 67-character parts without cutting a surrogate pair")
    func longUCS2() throws {
        let body = String(repeating: "я", count: 66) + "👍" + String(repeating: "ж", count: 70)
        let text = SMPPOutboundText(body, reference: 9)
        #expect(text.dataCoding == .ucs2)
        #expect(text.parts.count == 3)
        #expect((text.parts[0].count - 6) / 2 == 66)
        let joined = try text.parts.flatMap { try SMPPUserDataHeader.split($0).text }
        #expect(SMPPDataCoding.decode(joined, dataCoding: 8) == body)
    }

    @Test("a user data header with a 16-bit reference is read too")
    func sixteenBitReference() throws {
        let split = try SMPPUserDataHeader.split([0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01, 0x41])
        #expect(split.header == SMPPUserDataHeader(reference: 0x1234, total: 2, sequence: 1))
        #expect(split.text == [0x41])
        #expect(throws: SMPPDecodingError.self) { try SMPPUserDataHeader.split([0x09, 0x00]) }
    }

    @Test("a customer's parts join in order once the last arrives, whatever order they come in")
    func reassembly() {
        var buffer = SMPPConcatenation()
        let header = { (sequence: Int) in SMPPUserDataHeader(reference: 3, total: 3, sequence: sequence) }
        #expect(buffer.add([3], header: header(3), source: "a", destination: "b").joined == nil)
        #expect(buffer.add([1], header: header(1), source: "a", destination: "b").joined == nil)
        #expect(buffer.add([9], header: header(1), source: "other", destination: "b").joined == nil)
        let (key, joined) = buffer.add([2], header: header(2), source: "a", destination: "b")
        #expect(joined == [1, 2, 3])
        // Kept until stored, so that a last part sent again joins again.
        #expect(buffer.add([2], header: header(2), source: "a", destination: "b").joined == [1, 2, 3])
        buffer.forget(key)
        #expect(buffer.pending.count == 1)
    }

    @Test("a message's concatenation reference is the same on every try")
    func stableReference() {
        let first = SMPPSession.reference(for: "SM0123456789abcdef0123456789abcdef")
        #expect(first == SMPPSession.reference(for: "SM0123456789abcdef0123456789abcdef"))
        let others = Set((0..<64).map { SMPPSession.reference(for: "SM\($0)") })
        #expect(others.count > 32)
    }
}

import Testing
@testable import SwitchboardDelivery

@Suite("SMPP PDUs")
struct SMPPPDUTests {
    @Test("a PDU's header and body survive the wire")
    func roundTrip() throws {
        let pdu = SMPPPDU(command: .submitSM, sequence: 42, body: [1, 2, 3])
        let encoded = pdu.encoded
        #expect(encoded.prefix(4) == [0, 0, 0, 19])
        #expect(Array(encoded[4..<8]) == [0, 0, 0, 4])
        #expect(try SMPPPDU.decode(encoded) == pdu)
    }

    @Test("a length field that disagrees with the octets is refused")
    func lengthMismatch() {
        var encoded = SMPPPDU(command: .enquireLink, sequence: 1).encoded
        encoded[3] = 17
        #expect(throws: SMPPDecodingError.self) { try SMPPPDU.decode(encoded) }
    }

    @Test("a response is its request's command with the high bit set")
    func responses() {
        #expect(SMPPCommand.submitSM.response.rawValue == 0x8000_0004)
        #expect(SMPPCommand.submitSM.response.isResponse)
        #expect(!SMPPCommand.deliverSM.isResponse)
        #expect(SMPPCommand.genericNack.isResponse)
    }

    @Test("bind_transceiver carries the credentials in SMPP 3.4's field sizes")
    func bind() throws {
        let bind = SMPPBind(systemID: "switchboard", password: "secret12", systemType: "SB")
        let encoded = bind.encoded
        #expect(Array(encoded.prefix(12)) == Array("switchboard".utf8) + [0])
        #expect(try SMPPBind.decode(encoded) == bind)
        let long = SMPPBind(systemID: String(repeating: "s", count: 30), password: "a-much-too-long-password", systemType: "")
        let decoded = try SMPPBind.decode(long.encoded)
        #expect(decoded.systemID.count == 15)
        #expect(decoded.password.count == 8)
    }

    @Test("submit_sm's fields and optional parameters survive the wire")
    func shortMessage() throws {
        var message = SMPPShortMessage()
        message.sourceTON = 1
        message.sourceNPI = 1
        message.sourceAddress = "15550001111"
        message.destinationTON = 1
        message.destinationNPI = 1
        message.destinationAddress = "447700900123"
        message.esmClass = SMPPShortMessage.udhIndicator
        message.registeredDelivery = 1
        message.dataCoding = 8
        message.shortMessage = [0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x41]
        message.parameters = [SMPPTLV(tag: SMPPTLV.receiptedMessageID, value: Array("abc".utf8) + [0])]
        let decoded = try SMPPShortMessage.decode(message.encoded)
        #expect(decoded == message)
        #expect(decoded.hasUserDataHeader)
        #expect(decoded.parameter(SMPPTLV.receiptedMessageID)?.string == "abc")
    }

    @Test("a body cut short is an error, not a crash")
    func truncated() {
        var message = SMPPShortMessage()
        message.destinationAddress = "15550001111"
        message.shortMessage = Array("hello".utf8)
        let encoded = message.encoded
        #expect(throws: SMPPDecodingError.self) { try SMPPShortMessage.decode(Array(encoded.dropLast(3))) }
    }

    @Test("command_status names what the SMSC said")
    func statusNames() {
        #expect(SMPPCommandStatus.throttled.description == "ESME_RTHROTTLED (0x58)")
        #expect(SMPPCommandStatus(rawValue: 0x0E).description == "ESME_RINVPASWD (0xE)")
        #expect(SMPPCommandStatus(rawValue: 0x401).description == "command_status 0x401")
    }
}

@Suite("SMPP bind description")
struct SMPPBindDescriptionTests {
    @Test("a bind in a log line or an error never shows the password")
    func noPassword() {
        let bind = SMPPBind(systemID: "switchboard", password: "s3cr3t!", systemType: "SB")
        #expect(!"\(bind)".contains("s3cr3t!"))
        #expect(!String(reflecting: bind).contains("s3cr3t!"))
        #expect("\(bind)" == "bind as switchboard (system_type SB)")
    }
}

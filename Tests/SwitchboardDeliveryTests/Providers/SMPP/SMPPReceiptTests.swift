import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite("SMPP delivery receipts and command_status")
struct SMPPReceiptTests {
    static func receipt(_ text: String, parameters: [SMPPTLV] = []) -> SMPPShortMessage {
        var message = SMPPShortMessage()
        message.esmClass = SMPPShortMessage.deliveryReceipt
        message.shortMessage = Array(text.utf8)
        message.parameters = parameters
        return message
    }

    @Test("the appendix B text gives the id, the state and the error")
    func text() throws {
        let message = Self.receipt("id:7f3a9c sub:001 dlvrd:001 submit date:2612021305 done date:2612021306 stat:DELIVRD err:000 text:Your order")
        #expect(message.isDeliveryReceipt)
        let receipt = try #require(SMPPDeliveryReceipt(message))
        #expect(receipt == SMPPDeliveryReceipt(messageID: "7f3a9c", state: "DELIVRD", error: "000"))
        #expect(receipt.report == MessageStatusReport(.delivered))
    }

    @Test("receipted_message_id and message_state win over the text")
    func parameters() throws {
        let message = Self.receipt("id:wrong stat:DELIVRD", parameters: [
            SMPPTLV(tag: SMPPTLV.receiptedMessageID, value: Array("right".utf8) + [0]),
            SMPPTLV(tag: SMPPTLV.messageState, value: [5]),
        ])
        let receipt = try #require(SMPPDeliveryReceipt(message))
        #expect(receipt.messageID == "right")
        #expect(receipt.state == "UNDELIV")
    }

    @Test("each final state maps to a status and a Twilio code, keeping the SMSC's own")
    func states() {
        let undelivered = SMPPDeliveryReceipt(messageID: "1", state: "UNDELIV", error: "034").report
        #expect(undelivered?.status == .undelivered)
        #expect(undelivered?.errorCode == 30003)
        #expect(undelivered?.errorMessage?.contains("stat:UNDELIV err:034") == true)
        #expect(SMPPDeliveryReceipt(messageID: "1", state: "EXPIRED").report?.errorCode == 30003)
        #expect(SMPPDeliveryReceipt(messageID: "1", state: "REJECTD").report?.errorCode == 30007)
        #expect(SMPPDeliveryReceipt(messageID: "1", state: "DELETED").report?.errorCode == 30008)
        #expect(SMPPDeliveryReceipt(messageID: "1", state: "ENROUTE").report == nil)
        #expect(SMPPDeliveryReceipt(messageID: "1", state: "ACCEPTD").report == nil)
    }

    @Test("a deliver_sm without a receipt's fields is not a receipt")
    func notAReceipt() {
        var message = SMPPShortMessage()
        message.shortMessage = Array("hello".utf8)
        #expect(!message.isDeliveryReceipt)
        #expect(SMPPDeliveryReceipt(Self.receipt("no fields here")) == nil)
    }

    @Test("command_status maps to a retry or a Twilio code")
    func submitOutcomes() {
        #expect(SMPPSubmitOutcome(status: .ok, messageID: "abc") == .accepted(messageID: "abc"))
        for status in [SMPPCommandStatus.throttled, .queueFull, .temporaryAppError] {
            guard case .retry = SMPPSubmitOutcome(status: status, messageID: "") else {
                Issue.record("\(status) should be retried")
                continue
            }
        }
        #expect(SMPPSubmitOutcome(status: .invalidDestination, messageID: "")
            == .refused(errorCode: 21211, message: "Invalid 'To' Phone Number (SMPP ESME_RINVDSTADR (0xB))"))
        guard case .refused(30008, let text) = SMPPSubmitOutcome(status: .systemError, messageID: "") else {
            Issue.record("ESME_RSYSERR should fail with 30008")
            return
        }
        #expect(text.contains("ESME_RSYSERR"))
    }

    @Test("a refused bind names the SMSC's status and what to check, never the password")
    func bindRefused() {
        let refusal = SMPPBindRefused(peer: "127.0.0.1:2775", status: .invalidPassword)
        #expect(refusal.description == "the SMSC at 127.0.0.1:2775 refused the bind: ESME_RINVPASWD (0xE); check the sender's system_id, password and system_type")
    }

    @Test("the backoff doubles up to its maximum")
    func backoff() {
        let timers = SMPPTimers(backoff: .seconds(1), maximumBackoff: .seconds(10))
        #expect([1, 2, 3, 4, 5, 50].map { timers.backoff(after: $0) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
    }
}

import Testing
@testable import SwitchboardCore

@Suite struct MessageStatusTests {
    @Test(arguments: [
        (MessageStatus.queued, MessageStatus.sending), (.sending, .sent), (.sent, .delivered), (.delivered, .read),
        (.queued, .sent), (.queued, .delivered), (.sending, .failed), (.sent, .undelivered), (.queued, .failed),
    ])
    func anOutboundMessageMovesForward(_ from: MessageStatus, _ to: MessageStatus) {
        #expect(from.canMove(to: to))
    }

    @Test(arguments: [
        (MessageStatus.sending, MessageStatus.queued), (.sent, .sending), (.delivered, .sent), (.delivered, .sending),
        (.read, .delivered), (.undelivered, .sent),
    ])
    func aStaleReportThatWouldMoveItBackwardsIsIgnored(_ from: MessageStatus, _ to: MessageStatus) {
        #expect(!from.canMove(to: to))
    }

    @Test func deliveredAndUndeliveredDoNotReplaceEachOther() {
        #expect(!MessageStatus.delivered.canMove(to: .undelivered))
        #expect(!MessageStatus.undelivered.canMove(to: .delivered))
    }

    @Test(arguments: MessageStatus.allCases)
    func aRepeatedReportIsNoMove(_ status: MessageStatus) {
        #expect(!status.canMove(to: status))
    }

    @Test func exactlyFailedUndeliveredCanceledReceivedAndReadAreFinal() {
        #expect(Set(MessageStatus.allCases.filter(\.isFinal)) == [.failed, .undelivered, .canceled, .received, .read])
    }

    @Test(arguments: MessageStatus.allCases.filter(\.isFinal))
    func nothingFollowsAFinalStatus(_ final: MessageStatus) {
        for next in MessageStatus.allCases {
            #expect(!final.canMove(to: next), "\(final.rawValue) → \(next.rawValue)")
        }
    }

    @Test func statusesCarryTwiliosValues() {
        #expect(MessageStatus.partiallyDelivered.rawValue == "partially_delivered")
        #expect(MessageStatus(rawValue: "undelivered") == .undelivered)
    }
}

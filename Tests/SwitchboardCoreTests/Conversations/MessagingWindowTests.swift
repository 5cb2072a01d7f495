import Foundation
import Testing
import SwitchboardCore

@Suite struct MessagingWindowTests {
    let lastInbound = Date(timeIntervalSince1970: 1_700_000_000)
    let window = MessagingWindow()

    @Test func freeTextToWhatsAppWithinTwentyFourHoursOfTheCustomersMessageGoesThrough() throws {
        try window.check(channel: .whatsapp, lastInbound: lastInbound, usesApprovedTemplate: false, now: lastInbound.addingTimeInterval(23 * 3600))
    }

    @Test func freeTextToWhatsAppAfterTwentyFourHoursIsRefusedWith63016() {
        #expect(throws: TwilioError.outsideMessagingWindow) {
            try window.check(channel: .whatsapp, lastInbound: lastInbound, usesApprovedTemplate: false, now: lastInbound.addingTimeInterval(24 * 3600 + 1))
        }
    }

    @Test func freeTextBeforeTheCustomerEverWroteIsRefusedOnWhatsAppAndMessenger() {
        for channel in [DeliveryChannel.whatsapp, .messenger] {
            #expect(throws: TwilioError.outsideMessagingWindow) {
                try window.check(channel: channel, lastInbound: nil, usesApprovedTemplate: false, now: lastInbound)
            }
        }
    }

    @Test func anApprovedTemplateGoesThroughOutsideTheWindow() throws {
        try window.check(channel: .whatsapp, lastInbound: nil, usesApprovedTemplate: true, now: lastInbound)
    }

    @Test func smsAndEmailHaveNoWindow() throws {
        try window.check(channel: .sms, lastInbound: nil, usesApprovedTemplate: false, now: lastInbound)
        try window.check(channel: .email, lastInbound: nil, usesApprovedTemplate: false, now: lastInbound)
        #expect(window.closesAt(channel: .sms, lastInbound: lastInbound) == nil)
    }

    @Test func theWindowClosesItsLengthAfterTheCustomersLastMessage() {
        #expect(window.closesAt(channel: .whatsapp, lastInbound: lastInbound) == lastInbound.addingTimeInterval(86_400))
        #expect(MessagingWindow(length: 5).closesAt(channel: .messenger, lastInbound: lastInbound) == lastInbound.addingTimeInterval(5))
        #expect(window.closesAt(channel: .whatsapp, lastInbound: nil) == nil)
    }

    @Test func aPersonAnsweringOnMessengerMayUseSevenWindowsButWhatsAppStaysAtOne() throws {
        let sixDaysLater = lastInbound.addingTimeInterval(6 * 86_400)
        try window.check(channel: .messenger, lastInbound: lastInbound, usesApprovedTemplate: false, now: sixDaysLater, humanAgent: true)
        #expect(throws: TwilioError.outsideMessagingWindow) {
            try window.check(channel: .messenger, lastInbound: lastInbound, usesApprovedTemplate: false, now: sixDaysLater)
        }
        #expect(throws: TwilioError.outsideMessagingWindow) {
            try window.check(channel: .whatsapp, lastInbound: lastInbound, usesApprovedTemplate: false, now: sixDaysLater, humanAgent: true)
        }
        #expect(throws: TwilioError.outsideMessagingWindow) {
            try window.check(channel: .messenger, lastInbound: lastInbound, usesApprovedTemplate: false,
                             now: lastInbound.addingTimeInterval(7 * 86_400), humanAgent: true)
        }
    }
}

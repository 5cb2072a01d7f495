import Testing
@testable import SwitchboardCore

@Suite struct DeliveryAddressTests {
    @Test(arguments: [
        ("+14155550100", "+14155550100"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("+44.20.7946.0958", "+442079460958"),
        ("  +49 30 901820  ", "+4930901820"),
        ("+12345678", "+12345678"),
        ("+123456789012345", "+123456789012345"),
    ])
    func smsNumbersAreWrittenAsE164(_ raw: String, _ normalised: String) throws {
        #expect(try DeliveryAddress(raw, channel: .sms).value == normalised)
    }

    @Test(arguments: ["14155550100", "+1234567", "+1234567890123456", "+1-800-FLOWERS", "+0123456789", "+", "",
                      "+1 415 555 0100 x12", "+1/415/5550100", "++14155550100", "+١٤١٥٥٥٥٠١٠٠"])
    func badPhoneNumbersAreRefusedWith21211(_ raw: String) {
        let error = #expect(throws: TwilioError.self) { try DeliveryAddress(raw, channel: .sms) }
        #expect(error?.code == 21211)
        #expect(error?.httpStatus == 400)
        #expect(error?.message == "Invalid 'To' Phone Number: \(raw)")
    }

    @Test(arguments: ["whatsapp:+14155550100", "+14155550100", "WhatsApp:+1 415 555 0100", " whatsapp:+1-415-555-0100 "])
    func whatsappTakesTheNumberWithOrWithoutItsPrefix(_ raw: String) throws {
        #expect(try DeliveryAddress(raw, channel: .whatsapp).value == "whatsapp:+14155550100")
    }

    @Test(arguments: ["whatsapp:14155550100", "whatsapp:", "whatsapp:+1415FLOWERS"])
    func whatsappNeedsAValidNumber(_ raw: String) {
        #expect(throws: TwilioError.self) { try DeliveryAddress(raw, channel: .whatsapp) }
    }

    @Test(arguments: [("messenger:1234567890", "messenger:1234567890"), ("1234567890", "messenger:1234567890"),
                      ("Messenger: 42 ", "messenger:42")])
    func messengerIDsGetTheirPrefix(_ raw: String, _ normalised: String) throws {
        #expect(try DeliveryAddress(raw, channel: .messenger).value == normalised)
    }

    @Test(arguments: ["messenger:", "messenger:12 34", "   "])
    func messengerNeedsAnID(_ raw: String) {
        #expect(throws: TwilioError.self) { try DeliveryAddress(raw, channel: .messenger) }
    }

    @Test(arguments: [
        ("Ann.Lee@Example.COM", "Ann.Lee@example.com"),
        (" bob+tag@mail.example.co.uk ", "bob+tag@mail.example.co.uk"),
        ("c@xn--mnchen-3ya.de", "c@xn--mnchen-3ya.de"),
        ("d@München.de", "d@münchen.de"),
    ])
    func emailKeepsTheLocalPartAndLowercasesTheDomain(_ raw: String, _ normalised: String) throws {
        #expect(try DeliveryAddress(raw, channel: .email).value == normalised)
    }

    @Test(arguments: ["ann", "@example.com", "ann@", "ann@example", "ann@@example.com", "a b@example.com",
                      "ann@exa mple.com", ".ann@example.com", "ann.@example.com", "a..nn@example.com",
                      "ann@-example.com", "ann@example-.com", "ann@example..com", "ann@1.2.3.4", "ann@[10.0.0.1]",
                      "a\"b@example.com"])
    func malformedEmailIsRefused(_ raw: String) {
        #expect(throws: TwilioError.self) { try DeliveryAddress(raw, channel: .email) }
    }

    @Test func chatTakesAnyNonEmptyIdentityAsWritten() throws {
        #expect(try DeliveryAddress("agent.ann", channel: .chat).value == "agent.ann")
        #expect(try DeliveryAddress("Ann Lee (EU)", channel: .chat).value == "Ann Lee (EU)")
        #expect(throws: TwilioError.self) { try DeliveryAddress("", channel: .chat) }
        #expect(throws: TwilioError.self) { try DeliveryAddress(" \t", channel: .chat) }
    }

    @Test(arguments: [
        ("whatsapp:+14155550100", DeliveryChannel.whatsapp, "whatsapp:+14155550100"),
        ("messenger:42", .messenger, "messenger:42"),
        ("ann@Example.com", .email, "ann@example.com"),
        ("+1 415 555 0100", .sms, "+14155550100"),
        ("agent.ann", .chat, "agent.ann"),
    ])
    func withoutAChannelTheShapeDecides(_ raw: String, _ channel: DeliveryChannel, _ normalised: String) throws {
        let address = try DeliveryAddress(raw)
        #expect(address.channel == channel)
        #expect(address.value == normalised)
    }

    @Test func anEmptyAddressWithoutAChannelIsRefused() {
        #expect(throws: TwilioError.self) { try DeliveryAddress("  ") }
    }
}

@Suite struct DeliveryChannelTests {
    @Test(arguments: [
        ("whatsapp:+14155550100", DeliveryChannel?.some(.whatsapp)),
        ("WHATSAPP:+14155550100", .whatsapp),
        ("messenger:1234", .messenger),
        ("ann@example.com", .email),
        ("+14155550100", .sms),
        (" +1 415", .sms),
        ("+agent", .chat),
        ("14155550100", .chat),
        ("agent.ann", .chat),
        ("", nil),
        ("   ", nil),
    ])
    func detectsTheChannelFromTheAddressShape(_ address: String, _ channel: DeliveryChannel?) {
        #expect(DeliveryChannel(detectingFrom: address) == channel)
    }
}

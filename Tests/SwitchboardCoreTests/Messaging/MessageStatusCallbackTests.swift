import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct MessageStatusCallbackTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)

    func message(status: MessageStatus, errorCode: Int? = nil, errorMessage: String? = nil) -> Message {
        Message(sid: "SM1", accountSid: "AC1", channel: .whatsapp, direction: .outboundAPI, from: "whatsapp:+14155550199",
                to: "whatsapp:+14155550100", body: "Hi", status: status, errorCode: errorCode, errorMessage: errorMessage,
                dateCreated: now, dateUpdated: now)
    }

    @Test func theParametersAreTwiliosInTwiliosOrder() {
        let parameters = MessageStatusCallback.parameters(for: message(status: .sent))
        #expect(parameters.map(\.name) == ["AccountSid", "ApiVersion", "ChannelToAddress", "From", "MessageSid", "MessageStatus",
                                          "SmsSid", "SmsStatus", "To"])
        #expect(parameters.map(\.value) == ["AC1", "2010-04-01", "whatsapp:+14155550100", "whatsapp:+14155550199", "SM1", "sent",
                                           "SM1", "sent", "whatsapp:+14155550100"])
    }

    @Test func aFailureAddsTheErrorCodeAndMessage() {
        let parameters = MessageStatusCallback.parameters(for: message(status: .undelivered, errorCode: 30003,
                                                                        errorMessage: "Unreachable destination handset"))
        #expect(parameters.suffix(2).map(\.name) == ["ErrorCode", "ErrorMessage"])
        #expect(parameters.suffix(2).map(\.value) == ["30003", "Unreachable destination handset"])
        #expect(parameters.first { $0.name == "MessageStatus" }?.value == "undelivered")
    }

    @Test func noErrorMeansNoErrorParameters() {
        let names = MessageStatusCallback.parameters(for: message(status: .delivered)).map(\.name)
        #expect(!names.contains("ErrorCode"))
        #expect(!names.contains("ErrorMessage"))
    }
}

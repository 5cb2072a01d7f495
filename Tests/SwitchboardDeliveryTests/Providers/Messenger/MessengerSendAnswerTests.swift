import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// Meta's answers to the Send API: its `message_id` on success; Graph errors mapped to Twilio's codes with Meta's
/// own code and message kept; rate limits, 5xx and network failures retried.
@Suite struct MessengerSendAnswerTests {
    func answer(_ status: Int, _ body: String) -> WebhookResult {
        .attempted(.response(status: status), body: Array(body.utf8))
    }

    func graphError(_ status: Int, code: Int, subcode: Int? = nil, message: String) -> WebhookResult {
        let sub = subcode.map { #","error_subcode":\#($0)"# } ?? ""
        return answer(status, #"{"error":{"message":"\#(message)","type":"OAuthException","code":\#(code)\#(sub),"fbtrace_id":"AbCdEf"}}"#)
    }

    func refusal(_ result: WebhookResult) throws -> (code: Int, text: String) {
        let receipt = try MessengerSendAnswer.receipt(for: result)
        guard case .refused(let code, let text) = receipt.outcome else {
            Issue.record("expected a refusal, got \(receipt)")
            return (0, "")
        }
        return (code, text)
    }

    @Test func aTakenMessageIsAcceptedWithMetasMessageID() throws {
        let receipt = try MessengerSendAnswer.receipt(for: answer(200, #"{"recipient_id":"24681357","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P"}"#))
        #expect(receipt == ConnectorReceipt(.accepted(providerMessageID: "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P")))
    }

    @Test func outsideTheWindowIs63016() throws {
        let window = try refusal(graphError(400, code: 10, subcode: 2018278, message: "(#10) This message is sent outside of allowed window."))
        #expect(window.code == 63016)
        #expect(window.text.contains("Messenger 10/2018278: (#10) This message is sent outside of allowed window."))
        #expect(try refusal(graphError(400, code: 551, subcode: 1545041, message: "This person isn't available right now.")).code == 63016)
    }

    @Test func anExpiredTokenIsAClearRefusal() throws {
        let expired = try refusal(graphError(400, code: 190, subcode: 463, message: "Error validating access token: Session has expired"))
        #expect(expired.code == 20003)
        #expect(expired.text.contains("page_access_token is expired or invalid"))
        #expect(expired.text.contains("Messenger 190/463"))
    }

    @Test func anUnknownUserIs21211() throws {
        let unknown = try refusal(graphError(400, code: 100, subcode: 2018001, message: "No matching user found"))
        #expect(unknown.code == 21211)
        #expect(unknown.text.contains("Messenger 100/2018001: No matching user found"))
    }

    @Test func otherErrorsAreRefusedAsUnknownKeepingMetasText() throws {
        let other = try refusal(graphError(400, code: 100, message: "(#100) Param recipient must be non-empty"))
        #expect(other.code == 30008)
        #expect(other.text.contains("Messenger 100: (#100) Param recipient must be non-empty"))
        #expect(try refusal(.refused("the address 10.0.0.1 is private")).code == 30008)
    }

    @Test func rateLimitsServerErrorsAndNetworkFailuresAreRetried() {
        let retried: [WebhookResult] = [
            graphError(400, code: 4, message: "(#4) Application request limit reached"),
            graphError(400, code: 613, message: "Calls to this api have exceeded the rate limit."),
            graphError(400, code: 2, message: "An unexpected error has occurred. Please retry your request later."),
            graphError(400, code: 80006, message: "There have been too many messages sent to this user."),
            answer(429, ""), answer(500, "oops"), answer(503, ""),
            .attempted(.connectFailed), .attempted(.responseTimedOut),
        ]
        for result in retried {
            #expect(throws: ConnectorUnavailable.self) { try MessengerSendAnswer.receipt(for: result) }
        }
    }
}

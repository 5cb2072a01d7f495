import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardDelivery

/// A Content template submitted to Meta for approval, and Meta's decision applied when its webhook comes.
@Suite struct WhatsAppTemplateApprovalTests {
    let quickReply = #"{"twilio/quick-reply":{"body":"Hi {{name}}, your order {{2}} shipped","actions":[{"title":"Track","id":"t"},{"title":"Stop","id":"s"}]}}"#

    func stored(_ sid: String, _ harness: DeliveryHarness) async throws -> ContentTemplate? {
        let accountSid = harness.account.sid
        return try await harness.storage.read { try await $0.contents.find(sid: sid, accountSid: accountSid) }
    }

    @Test func theSubmissionCarriesNameLanguageCategoryNumberedBodyWithExamplesAndQuickReplies() throws {
        let template = WhatsAppFixtures.template(types: quickReply, variables: #"{"name":"Ann"}"#, status: .received)
        let body = try #require(WhatsAppTemplateSubmission.body(for: template))
        #expect(body["name"] as? String == "order_shipped")
        #expect(body["language"] as? String == "en_US")
        #expect(body["category"] as? String == "UTILITY")
        let components = try #require(body["components"] as? [[String: Any]])
        #expect(components[0]["type"] as? String == "BODY")
        #expect(components[0]["text"] as? String == "Hi {{1}}, your order {{2}} shipped")
        #expect((components[0]["example"] as? [String: Any])?["body_text"] as? [[String]] == [["Ann", "2"]])
        #expect(components[1]["type"] as? String == "BUTTONS")
        #expect(components[1]["buttons"] as? [[String: String]] == [["type": "QUICK_REPLY", "text": "Track"], ["type": "QUICK_REPLY", "text": "Stop"]])
    }

    @Test func aCallToActionTemplateCannotBeSubmitted() {
        let template = WhatsAppFixtures.template(types: #"{"twilio/call-to-action":{"body":"Go","actions":[]}}"#, status: .received)
        #expect(WhatsAppTemplateSubmission.body(for: template) == nil)
    }

    @Test func metasAnswerIsPendingAndItsRefusalsAreClearErrors() throws {
        let pending = try WhatsAppTemplateSubmission.submission(for: .attempted(.response(status: 200), body: Array(#"{"id":"5947","status":"PENDING","category":"UTILITY"}"#.utf8)))
        #expect(pending == TemplateSubmission(providerTemplateID: "5947", status: .pending))
        let expired = Array(#"{"error":{"message":"Session has expired","type":"OAuthException","code":190,"fbtrace_id":"x"}}"#.utf8)
        #expect(throws: TwilioError.self) { try WhatsAppTemplateSubmission.submission(for: .attempted(.response(status: 401), body: expired)) }
        do {
            _ = try WhatsAppTemplateSubmission.submission(for: .attempted(.response(status: 503), body: []))
            Issue.record("a 503 was taken as a submission")
        } catch {
            #expect(error.httpStatus == 503)
        }
    }

    @Test func aDecisionWebhookApprovesOrRejectsTheTemplateSubmittedUnderThatName() async throws {
        try await DeliveryHarness.run { harness in
            var approved = WhatsAppFixtures.template(accountSid: harness.account.sid, types: quickReply, status: .pending)
            var other = approved
            other.sid = "HX00000000000000000000000000000002"
            other.approvalName = "something_else"
            try await harness.storage.write { [approved, other] session in
                try await session.contents.insert(approved)
                try await session.contents.insert(other)
            }
            let inbound = SenderInbound(
                storage: harness.storage, inbound: InboundMessages(storage: harness.storage, time: harness.clock, sids: harness.sids, routes: []),
                sids: harness.sids, time: harness.clock)
            let sender = WhatsAppFixtures.sender(accountSid: harness.account.sid).sender
            try await inbound.apply([.templateStatus(TemplateStatusUpdate(name: "order_shipped", language: "en_US", providerTemplateID: "1", event: "APPROVED", reason: nil))], for: sender)
            approved = try #require(try await stored(approved.sid, harness))
            other = try #require(try await stored(other.sid, harness))
            #expect(approved.approvalStatus == .approved)
            #expect(other.approvalStatus == .pending)

            try await inbound.apply([.templateStatus(TemplateStatusUpdate(name: "order_shipped", language: "en_US", providerTemplateID: "1", event: "REJECTED", reason: "INVALID_FORMAT"))], for: sender)
            let rejected = try #require(try await stored(approved.sid, harness))
            #expect(rejected.approvalStatus == .rejected)
            #expect(rejected.rejectionReason == "INVALID_FORMAT")
        }
    }
}

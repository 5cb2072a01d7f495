import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// The body of `POST /{phone-number-id}/messages`: text, media by URL, and approved templates with their parameters.
@Suite struct WhatsAppOutboundMessageTests {
    let quickReply = #"{"twilio/quick-reply":{"body":"Hi {{name}}, order {{2}} ships {{name}}'s way","actions":[{"title":"Track","id":"track"},{"title":"Stop","id":"stop"}]}}"#

    @Test func textGoesToTheCustomersDigits() throws {
        let body = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(body: "See https://example.com"), template: nil)
        #expect(body["messaging_product"] as? String == "whatsapp")
        #expect(body["recipient_type"] as? String == "individual")
        #expect(body["to"] as? String == "16505551234")
        #expect(body["type"] as? String == "text")
        let text = try #require(body["text"] as? [String: Any])
        #expect(text["body"] as? String == "See https://example.com")
        #expect(text["preview_url"] as? Bool == true)
    }

    @Test(arguments: [
        ("https://cdn.example.com/a/photo.JPG", "image"), ("https://cdn.example.com/clip.mp4?sig=1", "video"),
        ("https://cdn.example.com/invoice.pdf", "document"), ("https://cdn.example.com/x", "document"),
    ])
    func mediaIsChosenByExtensionWithTheBodyAsCaption(url: String, kind: String) throws {
        let body = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(body: "Here it is", mediaUrls: [url]), template: nil)
        #expect(body["type"] as? String == kind)
        let media = try #require(body[kind] as? [String: Any])
        #expect(media["link"] as? String == url)
        #expect(media["caption"] as? String == "Here it is")
    }

    @Test func audioTakesNoCaptionSoAudioWithTextGoesAsADocument() throws {
        let bare = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(body: "", mediaUrls: ["https://cdn.example.com/v.ogg"]), template: nil)
        #expect(bare["type"] as? String == "audio")
        #expect((bare["audio"] as? [String: Any])?["caption"] == nil)
        let worded = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(body: "Listen", mediaUrls: ["https://cdn.example.com/v.ogg"]), template: nil)
        #expect(worded["type"] as? String == "document")
        #expect((worded["document"] as? [String: Any])?["caption"] as? String == "Listen")
        #expect((worded["document"] as? [String: Any])?["filename"] as? String == "v.ogg")
    }

    @Test func twoMediaItemsAreRefused() {
        #expect(throws: WhatsAppOutboundMessage.Unsendable.self) {
            try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(mediaUrls: ["https://a/1.png", "https://a/2.png"]), template: nil)
        }
    }

    @Test func anApprovedTemplateBecomesATemplateMessageWithParametersInPlaceholderOrder() throws {
        let template = WhatsAppFixtures.template(types: quickReply, variables: #"{"2":"default-order"}"#)
        let body = try WhatsAppOutboundMessage.body(
            for: WhatsAppFixtures.message(contentSid: template.sid, contentVariables: #"{"name":"Ann","2":"A-17"}"#), template: template)
        #expect(body["type"] as? String == "template")
        let call = try #require(body["template"] as? [String: Any])
        #expect(call["name"] as? String == "order_shipped")
        #expect((call["language"] as? [String: Any])?["code"] as? String == "en_US")
        let components = try #require(call["components"] as? [[String: Any]])
        #expect(components.count == 1)
        #expect(components[0]["type"] as? String == "body")
        let parameters = try #require(components[0]["parameters"] as? [[String: String]])
        #expect(parameters == [["type": "text", "text": "Ann"], ["type": "text", "text": "A-17"]])
    }

    @Test func aTemplateParameterFallsBackToTheTemplatesDefaultAndAMissingOneIsRefused() throws {
        let template = WhatsAppFixtures.template(types: quickReply, variables: #"{"2":"default-order"}"#)
        let body = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(contentVariables: #"{"name":"Ann"}"#), template: template)
        let parameters = ((body["template"] as? [String: Any])?["components"] as? [[String: Any]])?.first?["parameters"] as? [[String: String]]
        #expect(parameters?.last?["text"] == "default-order")
        #expect(throws: WhatsAppOutboundMessage.Unsendable(code: 63028, message: "The ContentVariables do not give every parameter of template \(template.sid)")) {
            try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(contentVariables: "{}"), template: template)
        }
    }

    @Test func aTemplateNotApprovedGoesAsItsRenderedText() throws {
        let template = WhatsAppFixtures.template(types: #"{"twilio/text":{"body":"Hi {{1}}"}}"#, status: .pending)
        let body = try WhatsAppOutboundMessage.body(for: WhatsAppFixtures.message(body: "Hi Ann"), template: template)
        #expect(body["type"] as? String == "text")
        #expect((body["text"] as? [String: Any])?["body"] as? String == "Hi Ann")
    }

    @Test func placeholdersAreRenumberedByFirstAppearance() {
        let text = WhatsAppTemplateText("Hi {{ name }}, order {{2}} for {{name}}")
        #expect(text.text == "Hi {{1}}, order {{2}} for {{1}}")
        #expect(text.placeholders == ["name", "2"])
    }
}

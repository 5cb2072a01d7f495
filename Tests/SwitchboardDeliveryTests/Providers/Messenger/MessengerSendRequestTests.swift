import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// The Send API request: the endpoint and its defaults, the page token as a Bearer token, the PSID as
/// `recipient.id`, and the message as text or one attachment a request.
@Suite struct MessengerSendRequestTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func message(body: String = "Your order has shipped", mediaUrls: [String] = []) -> Message {
        Message(sid: "SM1", accountSid: "AC1", channel: .messenger, direction: .outboundAPI, from: MessengerFixtures.business,
                to: MessengerFixtures.customer, body: body, mediaUrls: mediaUrls, status: .queued, dateCreated: now, dateUpdated: now)
    }

    @Test func aTextMessageIsOneRequestToMeMessagesWithTheTokenAsBearer() throws {
        let requests = try MessengerSendRequest.make(message(), from: MessengerFixtures.sender(), type: .response)
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == "https://graph.facebook.com/v23.0/me/messages")
        #expect(!request.url.contains(MessengerFixtures.token))
        #expect(request.header("Authorization") == "Bearer " + MessengerFixtures.token)
        #expect(request.header("Content-Type") == "application/json")
        let json = try MessengerFixtures.json(request)
        #expect((json["recipient"] as? [String: Any])?["id"] as? String == MessengerFixtures.psid)
        #expect(json["messaging_type"] as? String == "RESPONSE")
        #expect(json["tag"] == nil)
        #expect((json["message"] as? [String: Any])?["text"] as? String == "Your order has shipped")
    }

    @Test func theGraphURLAndVersionComeFromTheSettings() throws {
        let sender = MessengerFixtures.sender(settings: ["graph_url": "http://127.0.0.1:8089/", "api_version": "v21.0"])
        let request = try #require(try MessengerSendRequest.make(message(), from: sender, type: .response).first)
        #expect(request.url == "http://127.0.0.1:8089/v21.0/me/messages")
    }

    @Test func aHumanAgentAnswerIsTagged() throws {
        let request = try #require(try MessengerSendRequest.make(message(), from: MessengerFixtures.sender(), type: .humanAgent).first)
        let json = try MessengerFixtures.json(request)
        #expect(json["messaging_type"] as? String == "MESSAGE_TAG")
        #expect(json["tag"] as? String == "HUMAN_AGENT")
    }

    @Test func eachMediaURLIsAnAttachmentOfItsTypeThenTheTextFollows() throws {
        let urls = ["https://cdn.example.com/a/photo.JPG?size=large", "https://cdn.example.com/clip.mp4", "https://cdn.example.com/note.mp3",
                    "https://cdn.example.com/invoice.pdf"]
        let requests = try MessengerSendRequest.make(message(body: "See attached", mediaUrls: urls), from: MessengerFixtures.sender(), type: .response)
        #expect(requests.count == 5)
        var types: [String] = []
        for (request, url) in zip(requests, urls) {
            let attachment = try #require(((try MessengerFixtures.json(request))["message"] as? [String: Any])?["attachment"] as? [String: Any])
            types.append(try #require(attachment["type"] as? String))
            let payload = try #require(attachment["payload"] as? [String: Any])
            #expect(payload["url"] as? String == url)
            #expect(payload["is_reusable"] as? Bool == true)
        }
        #expect(types == ["image", "video", "audio", "file"])
        let last = try MessengerFixtures.json(try #require(requests.last))
        #expect((last["message"] as? [String: Any])?["text"] as? String == "See attached")
    }

    @Test func aMessageWithNothingToSendOrNoTokenIsRefused() {
        #expect(throws: TwilioError.self) { try MessengerSendRequest.make(message(body: ""), from: MessengerFixtures.sender(), type: .response) }
        var sender = MessengerFixtures.sender()
        sender.secrets["page_access_token"] = nil
        #expect(throws: TwilioError.self) { try MessengerSendRequest.make(message(), from: sender, type: .response) }
    }

    @Test func attachmentTypesFollowThePathsExtension() {
        #expect(MessengerAttachmentType(url: "https://x.example/p.png#frag") == .image)
        #expect(MessengerAttachmentType(url: "https://x.example/v.webm") == .video)
        #expect(MessengerAttachmentType(url: "https://x.example/s.ogg") == .audio)
        #expect(MessengerAttachmentType(url: "https://x.example/download?file=p.png") == .file)
        #expect(MessengerAttachmentType(url: "https://x.example.com/") == .file)
    }
}

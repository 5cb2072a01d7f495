import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// A Messenger page sender and page webhooks shaped as Meta's Messenger Platform documentation shows them.
enum MessengerFixtures {
    static let pageID = "1234567890"
    static let psid = "24681357"
    static let business = "messenger:" + pageID
    static let customer = "messenger:" + psid
    static let token = "EAAG-page-token-that-must-never-show"
    static let appSecret = "messenger-app-secret"
    static let verifyToken = "messenger-verify-token"

    /// The sender, its secrets opened, with extra visible `settings`.
    static func sender(accountSid: String = "AC" + String(repeating: "0", count: 32), settings: [String: String] = [:]) -> ConfiguredSender {
        let stored = Sender(
            sid: "XE" + String(repeating: "1", count: 32), accountSid: accountSid, address: business, channel: .messenger,
            connector: .messenger, friendlyName: nil, messagesPerSecond: nil, settings: ["page_id": pageID].merging(settings) { $1 },
            sealedSecrets: [:], dateCreated: Date(timeIntervalSince1970: 0), dateUpdated: Date(timeIntervalSince1970: 0))
        return ConfiguredSender(
            sender: stored, secrets: ["page_access_token": token, "app_secret": appSecret, "verify_token": verifyToken],
            inboundURL: "https://switchboard.example.com/switchboard/v1/Senders/\(stored.sid)/Inbound")
    }

    /// A page webhook with one `messaging` event.
    static func webhook(_ event: String, entryPage: String = pageID) -> String {
        #"{"object":"page","entry":[{"id":"\#(entryPage)","time":1458692752478,"messaging":[\#(event)]}]}"#
    }

    static let textMessage = #"""
        {"sender":{"id":"24681357"},"recipient":{"id":"1234567890"},"timestamp":1458692752478,
         "message":{"mid":"mid.1457764197618:41d102a3e1ae206a38","text":"hello, world!","quick_reply":{"payload":"DEVELOPER_DEFINED_PAYLOAD"}}}
        """#

    static let attachmentMessage = #"""
        {"sender":{"id":"24681357"},"recipient":{"id":"1234567890"},"timestamp":1458692752478,
         "message":{"mid":"mid.1458696618141:b4ef9d19ec21086067","attachments":[
           {"type":"image","payload":{"url":"https://scontent.example.com/photo.jpg"}},
           {"type":"file","payload":{"url":"https://cdn.example.com/invoice.pdf"}}]}}
        """#

    static let echo = #"""
        {"sender":{"id":"1234567890"},"recipient":{"id":"24681357"},"timestamp":1457764197627,
         "message":{"is_echo":true,"app_id":1517776481860111,"metadata":"DEVELOPER_DEFINED_METADATA","mid":"mid.1457764197618:41d102a3e1ae206a38","text":"hello"}}
        """#

    static let delivery = #"""
        {"sender":{"id":"24681357"},"recipient":{"id":"1234567890"},
         "delivery":{"mids":["mid.1458668856218:ed81099e15d3f4f233"],"watermark":1458668856253}}
        """#

    static let read = #"""
        {"sender":{"id":"24681357"},"recipient":{"id":"1234567890"},"timestamp":1458668856463,"read":{"watermark":1458668856253}}
        """#

    /// A request Meta signed with the app secret.
    static func signedPost(_ body: String, secret: String = appSecret) -> ProviderHTTPRequest {
        let bytes = Array(body.utf8)
        return ProviderHTTPRequest(
            method: "POST", url: "https://switchboard.example.com/switchboard/v1/Senders/XE1/Inbound",
            headers: [(name: "X-Hub-Signature-256", value: "sha256=" + MetaWebhook.signature(of: bytes, appSecret: secret)),
                      (name: "Content-Type", value: "application/json")],
            body: bytes)
    }

    /// The JSON object a request carried.
    static func json(_ request: WebhookRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }
}

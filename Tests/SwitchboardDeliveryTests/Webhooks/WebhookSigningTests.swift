import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct WebhookSigningTests {
    let token = "a7c1f0e2b3d4c5e6f708192a3b4c5d6e"
    let parameters = [FormPair("To", "+14155550100"), FormPair("Body", "Zoë & co: 1 + 1")]
    var signedParameters: [(name: String, value: String)] { parameters.map { ($0.name, $0.value) } }

    func request(_ url: String, method: String = "POST", body: WebhookBody) -> WebhookRequest {
        WebhookSigning.request(for: WebhookCall(url: url, method: method, body: body, purpose: "test"), authToken: token,
                               idempotencyToken: "OE00000000000000000000000000000001")
    }

    @Test func aFormPostIsSignedOverTheURLAndItsParametersAndCarriesThemInTheBody() {
        let signed = request("https://hooks.example.com/sms?site=1#rc=2&rp=5xx", body: .form(parameters))
        #expect(signed.url == "https://hooks.example.com/sms?site=1")
        #expect(signed.method == "POST")
        #expect(signed.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(signed.header("User-Agent") == "TwilioProxy/1.1")
        #expect(signed.header("I-Twilio-Idempotency-Token") == "OE00000000000000000000000000000001")
        #expect(FormEncoding.decode(String(decoding: signed.body, as: UTF8.self)) == parameters)
        let signature = signed.header("X-Twilio-Signature") ?? ""
        #expect(RequestSignature.validate(signature, url: signed.url, parameters: signedParameters, authToken: token))
        #expect(!RequestSignature.validate(signature, url: signed.url, parameters: signedParameters, authToken: "another token"))
        #expect(!RequestSignature.validate(signature, url: signed.url, parameters: [("To", "+14155550101")], authToken: token))
    }

    @Test func theFragmentsConnectionOverridesTravelWithTheRequest() {
        let signed = request("https://hooks.example.com/sms#rc=2&rp=5xx&tt=5000", body: .form(parameters))
        #expect(signed.overrides.retryCount == 2)
        #expect(signed.overrides.retryOn == [.serverError])
        #expect(signed.overrides.totalTimeout == .milliseconds(5_000))
        #expect(request("https://hooks.example.com/sms", body: .form(parameters)).overrides == ConnectionOverrides())
    }

    @Test(arguments: [("https://hooks.example.com/sms", "https://hooks.example.com/sms?"),
                      ("https://hooks.example.com/sms?site=1", "https://hooks.example.com/sms?site=1&")])
    func aGetCarriesItsParametersInTheQueryAndIsSignedOverTheURLAlone(_ url: String, _ prefix: String) {
        let signed = request(url + "#rc=0", method: "GET", body: .form(parameters))
        #expect(signed.url == prefix + "To=%2B14155550100&Body=Zo%C3%AB+%26+co%3A+1+%2B+1")
        #expect(signed.method == "GET")
        #expect(signed.body.isEmpty)
        #expect(signed.header("Content-Type") == nil)
        #expect(RequestSignature.validate(signed.header("X-Twilio-Signature") ?? "", url: signed.url, parameters: [], authToken: token))
    }

    @Test func aGetWithoutParametersKeepsItsURL() {
        let signed = request("https://hooks.example.com/sms", method: "GET", body: .form([]))
        #expect(signed.url == "https://hooks.example.com/sms")
        #expect(RequestSignature.validate(signed.header("X-Twilio-Signature") ?? "", url: signed.url, parameters: [], authToken: token))
    }

    @Test func aJSONPostCarriesTheBodyHashInTheURLAndIsSignedOverThatURL() {
        let json = #"{"EventType":"onMessageAdded","Body":"héllo"}"#
        let signed = request("https://hooks.example.com/events?site=1#rp=all", body: .json(json))
        let hash = RequestSignature.bodyHash(Array(json.utf8))
        #expect(signed.url == "https://hooks.example.com/events?site=1&bodySHA256=" + hash)
        #expect(signed.body == Array(json.utf8))
        #expect(signed.header("Content-Type") == "application/json")
        let signature = signed.header("X-Twilio-Signature") ?? ""
        #expect(signature == RequestSignature.compute(url: signed.url, parameters: [], authToken: token))
        #expect(RequestSignature.validate(signature, url: signed.url, jsonBody: Array(json.utf8), authToken: token))
        #expect(!RequestSignature.validate(signature, url: signed.url, jsonBody: Array("{}".utf8), authToken: token))
    }
}

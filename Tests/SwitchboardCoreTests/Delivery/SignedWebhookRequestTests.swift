import Testing
@testable import SwitchboardCore

/// Expected signatures were computed with twilio-python 9.13.0's `RequestValidator.compute_signature` over the URL
/// Twilio signs, and each was checked to pass that library's `validate` at the URL the receiver sees.
@Suite struct SignedWebhookRequestTests {
    let token = "a7c1f0e2b3d4c5e6f708192a3b4c5d6e"
    let parameters: [(name: String, value: String)] = [
        ("MessageSid", "SM00000000000000000000000000000001"), ("MessageStatus", "sent"),
    ]

    @Test func formRequestDropsTheOverridesAndSignsWithoutTheHTTPSPort() {
        let signed = SignedWebhookRequest.form(
            to: "https://hooks.example.com:8443/sms?x=1#rc=2&ct=1000", parameters: parameters, authToken: token
        )
        #expect(signed.url == "https://hooks.example.com:8443/sms?x=1")
        #expect(signed.signature == "PVZ4Esz8jQjX1GQvE31KPC7HdEQ=")
        // The receiver sees the port; validation tries the URL without it, as twilio-python does.
        #expect(RequestSignature.validate(signed.signature, url: signed.url, parameters: parameters, authToken: token))
    }

    @Test func formRequestToPlainHTTPKeepsThePortInTheSignature() {
        let signed = SignedWebhookRequest.form(to: "http://127.0.0.1:8080/hook", parameters: parameters, authToken: token)
        #expect(signed.url == "http://127.0.0.1:8080/hook")
        #expect(signed.signature == "FF7N4BOTd6UBd/oFKpWGXVi6T0I=")
    }

    @Test func jsonRequestCarriesTheBodyHashAndSignsWithoutCredentials() {
        let body = Array(#"{"EventType":"onMessageAdded","Body":"héllo"}"#.utf8)
        let hash = "a4466a11a358bb62b0d414d513955cf83e8432d66809d77871d2b70b5a693b63"
        let signed = SignedWebhookRequest.json(to: "https://user:pw@hooks.example.com/ev#rp=all", body: body, authToken: token)
        #expect(signed.url == "https://user:pw@hooks.example.com/ev?bodySHA256=" + hash)
        #expect(signed.signature == "5R99G/OoHUuApNEIa+u5KT/6n+M=")
        #expect(RequestSignature.validate(signed.signature, url: "https://hooks.example.com/ev?bodySHA256=" + hash,
                                          jsonBody: body, authToken: token))
    }
}

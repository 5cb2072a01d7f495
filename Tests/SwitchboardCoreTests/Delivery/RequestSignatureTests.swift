import Testing
@testable import SwitchboardCore

/// Expected signatures come from Twilio's documented example (auth token `12345`, `RSOYDt4T1cUTdK1PDd93/VVr8B8=`,
/// also in twilio-python's own tests) and, for the rest, from running twilio-python 9.13.0's
/// `twilio.request_validator.RequestValidator` (`compute_signature`, `compute_hash`, `validate`) on the same inputs.
@Suite struct RequestSignatureTests {
    static let docsURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
    static let docsParameters: [(name: String, value: String)] = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"),
        ("From", "+14158675309"), ("To", "+18005551212"),
    ]
    static let token = "a7c1f0e2b3d4c5e6f708192a3b4c5d6e"
    static let statusURL = "https://hooks.example.com/sms/status"

    @Test func reproducesTwiliosDocumentedExample() {
        #expect(RequestSignature.compute(url: Self.docsURL, parameters: Self.docsParameters, authToken: "12345")
            == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    }

    @Test func parameterOrderDoesNotMatter() {
        let shuffled = Array(Self.docsParameters.reversed())
        #expect(RequestSignature.compute(url: Self.docsURL, parameters: shuffled, authToken: "12345")
            == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    }

    @Test func dictionaryParametersSignLikePairs() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.docsParameters.map { ($0.name, $0.value) })
        #expect(RequestSignature.compute(url: Self.docsURL, parameters: dictionary, authToken: "12345")
            == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        let label: String
        let url: String
        let parameters: [(name: String, value: String)]
        let token: String
        let signature: String
        var testDescription: String { label }
    }

    static let pythonVectors: [Vector] = [
        // A repeated name signs each value, values sorted: Digits1234 before Digits5678 (twilio-python's MultiDict test).
        Vector(label: "repeated name", url: docsURL,
               parameters: [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")],
               token: "12345", signature: "IK+Dwps556ElfBT0I3Rgjkr1wJU="),
        // twilio-python puts the values in a set, so an identical repeat signs once.
        Vector(label: "identical repeat signs once", url: docsURL,
               parameters: [("Digits", "1234"), ("Digits", "1234")],
               token: "12345", signature: "pA9T74XaVTq8oX3FDhv0CTa4HE4="),
        Vector(label: "repeat of three values", url: statusURL,
               parameters: [("MediaUrl", "https://b"), ("MediaUrl", "https://a"), ("MediaUrl", "https://b"), ("Body", "x")],
               token: token, signature: "yKQFCqPBirTlMXbk2852y4fhqo8="),
        Vector(label: "no parameters signs the URL alone", url: docsURL, parameters: [],
               token: "12345", signature: "zYQTYrRWXE7LtzbG4PfP7/bkkGo="),
        Vector(label: "empty value", url: statusURL, parameters: [("Body", ""), ("To", "+15005550006")],
               token: token, signature: "eoYC6yFF0vGDl136k0Rpxwu078k="),
        Vector(label: "UTF-8 values", url: statusURL,
               parameters: [("MessageSid", "SM0123456789abcdef0123456789abcdef"), ("MessageStatus", "delivered"),
                            ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("To", "+447700900123"),
                            ("From", "+15017122661"), ("Body", "Héllo wörld 👋 & more=stuff")],
               token: token, signature: "HXi8e1M6kgdcuvas2HmVUQNdumE="),
        // Code-point order: upper case, then `_`, then lower case, then non-ASCII.
        Vector(label: "names sorted by code point", url: statusURL,
               parameters: [("b", "1"), ("B", "2"), ("_", "3"), ("a", "4"), ("Z", "5"), ("é", "6"), ("e", "7")],
               token: token, signature: "Ul822Fi50YM5bMzUaahLwEXrhGk="),
        // Python keeps composed and decomposed é apart; Swift's == would merge them.
        Vector(label: "canonically equivalent names stay distinct", url: statusURL,
               parameters: [("caf\u{E9}", "1"), ("cafe\u{301}", "2")],
               token: token, signature: "kVljKpLOGf2k59e8O+z7LZs0Pa4="),
        Vector(label: "explicit default HTTPS port is signed as written", url: "https://mycompany.com:443/myapp.php?foo=1&bar=2",
               parameters: docsParameters, token: "12345", signature: "kvajT1Ptam85bY51eRf/AJRuM3w="),
        Vector(label: "plain HTTP", url: "http://mycompany.com/myapp.php?foo=1&bar=2",
               parameters: docsParameters, token: "12345", signature: "OyGYPqTF6ztdbRNCvuQO/oPvqQ4="),
    ]

    @Test(arguments: pythonVectors)
    func matchesTwilioPython(_ vector: Vector) {
        #expect(RequestSignature.compute(url: vector.url, parameters: vector.parameters, authToken: vector.token)
            == vector.signature)
    }

    @Test(arguments: pythonVectors)
    func validatesWhatItComputes(_ vector: Vector) {
        #expect(RequestSignature.validate(vector.signature, url: vector.url, parameters: vector.parameters, authToken: vector.token))
    }

    @Test func validationRejectsATamperedParameterWrongTokenOrWrongSignature() {
        var tampered = Self.docsParameters
        tampered[2] = ("Digits", "9999")
        #expect(!RequestSignature.validate("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.docsURL, parameters: tampered, authToken: "12345"))
        #expect(!RequestSignature.validate("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: Self.docsURL, parameters: Self.docsParameters, authToken: "54321"))
        #expect(!RequestSignature.validate("RSOYDt4T1cUTdK1PDd93/VVr8B8", url: Self.docsURL, parameters: Self.docsParameters, authToken: "12345"))
        #expect(!RequestSignature.validate("", url: Self.docsURL, parameters: Self.docsParameters, authToken: "12345"))
    }

    // The four port cases of twilio-python's test_request_validator.py.
    @Test func validationAcceptsTheURLWithAnyPortWhenTheSignatureHadNone() {
        let withPort = "https://mycompany.com:1234/myapp.php?foo=1&bar=2"
        #expect(RequestSignature.validate("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: withPort, parameters: Self.docsParameters, authToken: "12345"))
    }

    @Test func validationAcceptsASignatureMadeWithTheDefaultPort() {
        #expect(RequestSignature.validate("kvajT1Ptam85bY51eRf/AJRuM3w=", url: Self.docsURL, parameters: Self.docsParameters, authToken: "12345"))
        #expect(RequestSignature.validate("0ZXoZLH/DfblKGATFgpif+LLRf4=", url: "http://mycompany.com/myapp.php?foo=1&bar=2",
                                          parameters: Self.docsParameters, authToken: "12345"))
    }

    @Test func validationAcceptsAnHTTPSignatureMadeWithItsExplicitPort() {
        #expect(RequestSignature.validate("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", url: "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
                                          parameters: Self.docsParameters, authToken: "12345"))
    }

    @Test(arguments: [
        ("https://user:pw@hooks.example.com:8443/sms?x=1#rc=2&ct=1000", "https://hooks.example.com/sms?x=1"),
        ("http://user@127.0.0.1:8080/hook#rp=all", "http://127.0.0.1:8080/hook"),
        ("HTTPS://Hooks.Example.com:443/a", "HTTPS://Hooks.Example.com/a"),
        ("https://[2001:db8::1]:8443/a?b=c", "https://[2001:db8::1]/a?b=c"),
        ("not a url#ct=1000", "not a url#ct=1000"),
    ])
    func signedURLDropsFragmentCredentialsAndHTTPSPort(_ requestURL: String, _ signed: String) {
        #expect(RequestSignature.signedURL(for: requestURL) == signed)
    }
}

@Suite struct JSONBodySignatureTests {
    // twilio-python's test body and its documented hash.
    let body = Array(#"{"property": "value", "boolean": true}"#.utf8)
    let hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"

    @Test func bodyHashIsLowercaseHexSHA256() {
        #expect(RequestSignature.bodyHash(body) == hash)
    }

    @Test(arguments: [
        ("https://x.com/e", "https://x.com/e?bodySHA256=H"),
        ("https://x.com/e?a=1", "https://x.com/e?a=1&bodySHA256=H"),
        ("https://x.com/e?", "https://x.com/e?bodySHA256=H"),
        ("https://x.com/e?a=1&", "https://x.com/e?a=1&bodySHA256=H"),
        ("https://x.com/e?a=1#rc=2", "https://x.com/e?a=1&bodySHA256=H#rc=2"),
    ])
    func bodyHashJoinsTheQueryBeforeAnyFragment(_ url: String, _ expected: String) {
        let actual = RequestSignature.addingBodyHash(to: url, body: body)
        #expect(actual == expected.replacing("=H", with: "=" + hash))
    }

    @Test func signatureCoversTheURLWithItsBodyHash() {
        // twilio-python: validate(uri + "&bodySHA256=" + hash, body, "a9nBmqA0ju/hNViExpshrM61xv4=") is true.
        #expect(RequestSignature.compute(url: "https://mycompany.com/myapp.php?foo=1&bar=2", jsonBody: body, authToken: "12345")
            == "a9nBmqA0ju/hNViExpshrM61xv4=")
    }

    @Test func unicodeBodyMatchesTwilioPython() {
        let unicode = Array(#"{"EventType":"onMessageAdded","Body":"héllo"}"#.utf8)
        #expect(RequestSignature.bodyHash(unicode) == "a4466a11a358bb62b0d414d513955cf83e8432d66809d77871d2b70b5a693b63")
        #expect(RequestSignature.compute(url: "https://example.com/conversations/events", jsonBody: unicode, authToken: "12345")
            == "ip9AZ9JfyQ4oiObGWc8ZOtYoxwg=")
    }

    @Test func validationChecksBothTheBodyHashAndTheSignature() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + hash
        let signature = "a9nBmqA0ju/hNViExpshrM61xv4="
        #expect(RequestSignature.validate(signature, url: url, jsonBody: body, authToken: "12345"))
        #expect(!RequestSignature.validate(signature, url: url, jsonBody: body + [0x20], authToken: "12345"))
        #expect(!RequestSignature.validate(signature, url: url, jsonBody: body, authToken: "54321"))
    }

    @Test func validationRefusesAJSONPostWithoutABodyHash() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
        let signature = RequestSignature.compute(url: url, parameters: [], authToken: "12345")
        #expect(!RequestSignature.validate(signature, url: url, jsonBody: body, authToken: "12345"))
    }
}

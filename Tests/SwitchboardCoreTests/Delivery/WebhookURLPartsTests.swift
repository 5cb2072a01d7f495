import Testing
@testable import SwitchboardCore

@Suite struct WebhookURLPartsTests {
    @Test func cutsEveryPieceAndPutsThemBackUnchanged() throws {
        let url = "https://user:p%40ss@hooks.example.com:8443/a/b?x=1&y=%20#ct=1000&rp=all"
        let parts = try #require(WebhookURLParts(url))
        #expect(parts.scheme == "https")
        #expect(parts.userInfo == "user:p%40ss")
        #expect(parts.host == "hooks.example.com")
        #expect(parts.port == "8443")
        #expect(parts.pathAndQuery == "/a/b?x=1&y=%20")
        #expect(parts.query == "x=1&y=%20")
        #expect(parts.fragment == "ct=1000&rp=all")
        #expect(parts.text == url)
    }

    @Test func keepsIPv6BracketsAndReadsThePortAfterThem() throws {
        let parts = try #require(WebhookURLParts("http://[fe80::1%25eth0]:8080?q"))
        #expect(parts.host == "[fe80::1%25eth0]")
        #expect(parts.port == "8080")
        #expect(parts.pathAndQuery == "?q")
    }

    @Test func aQuestionMarkOrAtSignInTheFragmentDoesNotMoveTheCuts() throws {
        let parts = try #require(WebhookURLParts("https://x.com#a@b?c"))
        #expect(parts.host == "x.com")
        #expect(parts.userInfo == nil)
        #expect(parts.query == nil)
        #expect(parts.fragment == "a@b?c")
    }

    @Test(arguments: ["x.com/a", "://x.com", "1http://x.com", "https://x.com:80a/", "https://[::1"])
    func refusesTextWithoutSchemeAndAuthority(_ text: String) {
        #expect(WebhookURLParts(text) == nil)
    }
}

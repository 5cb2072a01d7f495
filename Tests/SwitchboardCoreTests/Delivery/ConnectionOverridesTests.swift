import Testing
@testable import SwitchboardCore

@Suite struct ConnectionOverridesTests {
    @Test func defaultsAreTwiliosDocumentedOnes() {
        let defaults = ConnectionOverrides()
        #expect(defaults.connectTimeout == .milliseconds(5_000))
        #expect(defaults.readTimeout == .milliseconds(15_000))
        #expect(defaults.totalTimeout == .milliseconds(15_000))
        #expect(defaults.retryCount == 1)
        #expect(defaults.retryOn == [.connectFailure])
        #expect(defaults.edges.isEmpty)
        #expect(defaults.serverNameIndication == nil)
    }

    @Test func readsEveryOverrideTogether() {
        let overrides = ConnectionOverrides(fragment: "ct=1000&rt=2000&tt=9000&rc=2&rp=5xx,ct&e=dublin,frankfurt&sni=y")
        #expect(overrides.connectTimeout == .milliseconds(1_000))
        #expect(overrides.readTimeout == .milliseconds(2_000))
        #expect(overrides.totalTimeout == .milliseconds(9_000))
        #expect(overrides.retryCount == 2)
        #expect(overrides.retryOn == [.serverError, .connectFailure])
        #expect(overrides.edges == ["dublin", "frankfurt"])
        #expect(overrides.serverNameIndication == true)
        #expect(overrides.invalidSettings.isEmpty)
    }

    @Test func allMeansEveryRetryCondition() {
        #expect(ConnectionOverrides(fragment: "rp=all").retryOn == Set(RetryCondition.allCases))
        #expect(ConnectionOverrides(fragment: "rp=4xx,all").retryOn == Set(RetryCondition.allCases))
    }

    @Test(arguments: ["ct=99", "ct=10001", "rt=15001", "tt=0", "rc=6", "rc=-1", "ct=1e3", "ct=", "rp=5xx,bogus", "rp=",
                      "sni=yes", "e="])
    func aValueOutsideTheDocumentedRangeKeepsTheDefaultAndIsReported(_ fragment: String) {
        let overrides = ConnectionOverrides(fragment: fragment)
        #expect(overrides.invalidSettings == [fragment])
        var expected = ConnectionOverrides()
        expected.invalidSettings = [fragment]
        #expect(overrides == expected)
    }

    @Test func boundsOfEachRangeAreAccepted() {
        let low = ConnectionOverrides(fragment: "ct=100&rt=100&tt=100&rc=0")
        #expect(low.connectTimeout == .milliseconds(100) && low.readTimeout == .milliseconds(100))
        #expect(low.totalTimeout == .milliseconds(100) && low.retryCount == 0)
        let high = ConnectionOverrides(fragment: "ct=10000&rt=15000&tt=15000&rc=5")
        #expect(high.connectTimeout == .milliseconds(10_000) && high.readTimeout == .milliseconds(15_000))
        #expect(high.totalTimeout == .milliseconds(15_000) && high.retryCount == 5)
        #expect(low.invalidSettings.isEmpty && high.invalidSettings.isEmpty)
    }

    @Test func anOrdinaryFragmentIsIgnoredQuietly() {
        #expect(ConnectionOverrides(fragment: "/inbox?tab=2") == ConnectionOverrides())
        #expect(ConnectionOverrides(fragment: "section-3&foo=bar") == ConnectionOverrides())
    }

    @Test func percentEncodedValuesAreDecodedAndTheLastRepeatWins() {
        let overrides = ConnectionOverrides(fragment: "rp=5xx%2Crt&rc=3&rc=4")
        #expect(overrides.retryOn == [.serverError, .readTimeout])
        #expect(overrides.retryCount == 4)
    }

    @Test func sniNoIsRecorded() {
        #expect(ConnectionOverrides(fragment: "sni=n").serverNameIndication == false)
    }

    @Test(arguments: [
        ("rp=ct", DeliveryAttemptResult.connectFailed, true),
        ("rp=ct", .responseTimedOut, false),
        ("rp=ct", .response(status: 503), false),
        ("rp=rt", .responseTimedOut, true),
        ("rp=5xx", .response(status: 503), true),
        ("rp=5xx", .response(status: 404), false),
        ("rp=4xx", .response(status: 404), true),
        ("rp=4xx", .response(status: 200), false),
        ("rp=all", .response(status: 429), true),
        ("rp=all", .response(status: 302), false),
        ("rp=all", .response(status: 200), false),
    ])
    func retryPolicyPicksWhichFailuresAreRetried(_ fragment: String, _ result: DeliveryAttemptResult, _ retried: Bool) {
        #expect(ConnectionOverrides(fragment: fragment).retries(result) == retried)
    }
}

@Suite struct WebhookTargetTests {
    @Test func theFragmentIsCutOffAndReadAsOverrides() {
        let target = WebhookTarget("https://x.com/hook?a=1#ct=1000&rt=2000&rc=2&rp=5xx,ct")
        #expect(target.url == "https://x.com/hook?a=1")
        #expect(target.overrides.connectTimeout == .milliseconds(1_000))
        #expect(target.overrides.readTimeout == .milliseconds(2_000))
        #expect(target.overrides.retryCount == 2)
        #expect(target.overrides.retryOn == [.serverError, .connectFailure])
    }

    @Test func aURLWithoutFragmentIsRequestedAsIsWithDefaults() {
        let target = WebhookTarget("https://x.com/hook")
        #expect(target.url == "https://x.com/hook")
        #expect(target.overrides == ConnectionOverrides())
    }

    @Test func anEmptyFragmentIsDropped() {
        #expect(WebhookTarget("https://x.com/hook#").url == "https://x.com/hook")
    }
}

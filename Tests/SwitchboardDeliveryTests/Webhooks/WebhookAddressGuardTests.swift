import Testing
@testable import SwitchboardDelivery

@Suite struct WebhookAddressGuardTests {
    static let privateTargets = [
        ("http://127.0.0.1:8080/hook", "the host is a loopback address"),
        ("http://[::1]/hook", "the host is a loopback address"),
        ("http://10.0.0.1/hook", "the host is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "the host is a link-local address"),
        ("http://localhost:8080/hook", "the host is a loopback address"),
        ("https://api.LOCALHOST./hook", "the host is a loopback address"),
    ]

    @Test(arguments: privateTargets)
    func aTargetOnThisMachineOrItsNetworksIsRefused(_ url: String, _ reason: String) async {
        #expect(await WebhookAddressGuard(allowPrivateTargets: false).check(url) == .refused(reason))
    }

    @Test(arguments: privateTargets.map(\.0))
    func allowingPrivateTargetsLetsThemThroughWithoutPinning(_ url: String) async {
        #expect(await WebhookAddressGuard(allowPrivateTargets: true).check(url) == .allowed(pinnedAddress: nil))
    }

    @Test(arguments: ["https://8.8.8.8/hook", "http://[2001:4860:4860::8888]:8080/hook"])
    func aPublicAddressLiteralIsAllowedAsItIs(_ url: String) async {
        #expect(await WebhookAddressGuard(allowPrivateTargets: false).check(url) == .allowed(pinnedAddress: nil))
    }

    @Test(arguments: ["ftp://example.com/hook", "hooks.example.com/hook", "http:///hook"])
    func aURLThatIsNotHTTPWithAHostIsRefused(_ url: String) async {
        #expect(await WebhookAddressGuard(allowPrivateTargets: true).check(url) == .refused("not an http or https URL with a host"))
    }
}

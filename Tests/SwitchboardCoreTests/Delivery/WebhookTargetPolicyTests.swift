import Testing
@testable import SwitchboardCore

@Suite struct WebhookTargetPolicyTests {
    @Test(arguments: [
        ("8.8.8.8", NetworkScope.global),
        ("203.0.113.9", .global),
        ("172.15.255.255", .global),
        ("172.32.0.1", .global),
        ("100.63.255.255", .global),
        ("10.0.0.1", .privateNetwork),
        ("10.255.255.255", .privateNetwork),
        ("172.16.0.1", .privateNetwork),
        ("172.31.255.255", .privateNetwork),
        ("192.168.1.1", .privateNetwork),
        ("100.64.0.1", .privateNetwork),
        ("100.100.100.200", .privateNetwork),
        ("127.0.0.1", .loopback),
        ("127.255.255.254", .loopback),
        ("169.254.169.254", .linkLocal),
        ("0.0.0.0", .unspecified),
        ("0.1.2.3", .unspecified),
        ("224.0.0.1", .multicast),
        ("239.255.255.250", .multicast),
        ("240.0.0.1", .reserved),
        ("255.255.255.255", .reserved),
    ])
    func classifiesIPv4Addresses(_ address: String, _ scope: NetworkScope) {
        #expect(WebhookTargetPolicy.scope(ofAddress: address) == scope)
    }

    // The forms `inet_aton` and browsers accept for 127.0.0.1 and 169.254.169.254.
    @Test(arguments: [
        ("127.1", NetworkScope.loopback),
        ("127.0.1", .loopback),
        ("2130706433", .loopback),
        ("0x7f000001", .loopback),
        ("0x7f.0.0.1", .loopback),
        ("0177.0.0.1", .loopback),
        ("017700000001", .loopback),
        ("169.254.43518", .linkLocal),
        ("0xA9FEA9FE", .linkLocal),
        ("127.0.0.1.", .loopback),
        ("0", .unspecified),
    ])
    func unusualIPv4SpellingsAreSeenThrough(_ address: String, _ scope: NetworkScope) {
        #expect(WebhookTargetPolicy.scope(ofAddress: address) == scope)
    }

    @Test(arguments: [
        ("2001:4860:4860::8888", NetworkScope.global),
        ("2606:4700:4700::1111", .global),
        ("::1", .loopback),
        ("0:0:0:0:0:0:0:1", .loopback),
        ("::", .unspecified),
        ("fc00::1", .privateNetwork),
        ("fd12:3456:789a::1", .privateNetwork),
        ("fec0::1", .privateNetwork),
        ("fe80::1", .linkLocal),
        ("fe80::1%eth0", .linkLocal),
        ("febf:ffff::1", .linkLocal),
        ("ff02::1", .multicast),
        ("::ffff:127.0.0.1", .loopback),
        ("::ffff:7f00:1", .loopback),
        ("::ffff:10.1.2.3", .privateNetwork),
        ("::ffff:169.254.169.254", .linkLocal),
        ("::ffff:8.8.8.8", .global),
        ("::127.0.0.1", .loopback),
        ("64:ff9b::a9fe:a9fe", .linkLocal),
        ("64:ff9b::808:808", .global),
        ("FE80::ABCD", .linkLocal),
    ])
    func classifiesIPv6AddressesIncludingEmbeddedIPv4(_ address: String, _ scope: NetworkScope) {
        #expect(WebhookTargetPolicy.scope(ofAddress: address) == scope)
    }

    @Test(arguments: ["example.com", "", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "08.0.0.1", "1..2.3", "12345:: ",
                      "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", "12345::1", "g::1", "::ffff:0x7f.0.0.1",
                      "1.2.3.4::"])
    func textThatIsNotAnAddressHasNoScope(_ text: String) {
        #expect(WebhookTargetPolicy.scope(ofAddress: text) == nil)
    }

    @Test(arguments: [
        ("https://8.8.8.8/hook", WebhookTargetVerdict.allowed),
        ("https://[2001:4860:4860::8888]:8443/hook", .allowed),
        ("https://hooks.example.com/sms?x=1#rc=2", .resolveFirst(host: "hooks.example.com")),
        ("https://Hooks.Example.COM./sms", .resolveFirst(host: "hooks.example.com")),
        ("http://localhost:8080/hook", .refused(.loopback)),
        ("http://LOCALHOST./hook", .refused(.loopback)),
        ("http://api.localhost/hook", .refused(.loopback)),
        ("http://127.0.0.1/hook", .refused(.loopback)),
        ("http://user:pw@127.1:8080/hook", .refused(.loopback)),
        ("http://2130706433/", .refused(.loopback)),
        ("http://%31%32%37.0.0.1/", .refused(.loopback)),
        ("http://[::1]/hook", .refused(.loopback)),
        ("http://[::ffff:127.0.0.1]/hook", .refused(.loopback)),
        ("http://[fe80::1%25eth0]/hook", .refused(.linkLocal)),
        ("http://169.254.169.254/latest/meta-data", .refused(.linkLocal)),
        ("http://10.0.0.5/", .refused(.privateNetwork)),
        ("http://0.0.0.0:9000/", .refused(.unspecified)),
        ("http://224.0.0.1/", .refused(.multicast)),
        ("ftp://8.8.8.8/", .malformed),
        ("hooks.example.com/sms", .malformed),
        ("https:///sms", .malformed),
        ("https://[::1/hook", .malformed),
        ("https://[not-an-address]/hook", .malformed),
        ("https://x.com:port/", .malformed),
    ])
    func judgesURLsByTheirHostWithoutDNS(_ url: String, _ verdict: WebhookTargetVerdict) {
        #expect(WebhookTargetPolicy.check(url: url) == verdict)
    }

    @Test func onlyTheGlobalScopeIsPublic() {
        #expect(NetworkScope.allCases.filter(\.isPublic) == [.global])
    }
}

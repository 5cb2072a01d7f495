import Testing
import SwitchboardCore

@Suite struct AddressRangeTests {
    @Test func aSingleAddressContainsOnlyItself() throws {
        let range = try #require(AddressRange("10.1.2.3"))
        #expect(range.contains("10.1.2.3"))
        #expect(!range.contains("10.1.2.4"))
    }

    @Test func aCIDRBlockContainsItsNetwork() throws {
        let range = try #require(AddressRange("10.0.0.0/8"))
        #expect(range.contains("10.255.0.1"))
        #expect(!range.contains("11.0.0.1"))
        let odd = try #require(AddressRange("192.168.1.128/25"))
        #expect(odd.contains("192.168.1.200"))
        #expect(!odd.contains("192.168.1.127"))
    }

    @Test func ipv6BlocksAndLoopbackWork() throws {
        #expect(try #require(AddressRange("::1")).contains("::1"))
        #expect(try #require(AddressRange("fd00::/8")).contains("fd12:3456::1"))
        #expect(!(try #require(AddressRange("fd00::/8")).contains("fe80::1")))
        #expect(!(try #require(AddressRange("127.0.0.1")).contains("::1")))
    }

    @Test func namesAndLenientIPv4FormsAreNeverProxies() throws {
        let range = try #require(AddressRange("127.0.0.0/8"))
        #expect(!range.contains("localhost"))
        #expect(!range.contains("127.1"))
        #expect(!range.contains(""))
    }

    @Test(arguments: ["10.0.0.0/33", "fd00::/129", "example.com", "10.0.0/8", "1.2.3.4/x"])
    func malformedEntriesAreRefused(_ text: String) {
        #expect(AddressRange(text) == nil)
        #expect(throws: TwilioError.self) { try AddressRange.list("127.0.0.1, \(text)") }
    }

    @Test func aListSkipsEmptyEntries() throws {
        #expect(try AddressRange.list(" 127.0.0.1 , ,::1").count == 2)
        #expect(try AddressRange.list("").isEmpty)
    }
}

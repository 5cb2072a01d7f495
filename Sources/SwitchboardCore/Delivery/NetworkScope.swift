/// Where an IP address leads: the public internet, or somewhere a webhook must not be sent.
public enum NetworkScope: String, Sendable, CaseIterable {
    /// A publicly routable address.
    case global
    /// A private network: 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT, where some clouds keep
    /// their metadata service), fc00::/7 and the deprecated site-local fec0::/10.
    case privateNetwork = "private"
    /// This machine: 127/8 and ::1.
    case loopback
    /// The local link: 169.254/16 (cloud metadata services live here) and fe80::/10.
    case linkLocal = "link-local"
    /// "Any" or "this network": 0/8 and ::. Connecting to 0.0.0.0 reaches this machine on Linux.
    case unspecified
    /// Multicast: 224/4 and ff00::/8.
    case multicast
    /// Reserved for future use, and the broadcast address: 240/4.
    case reserved

    /// Whether a webhook may be sent there.
    public var isPublic: Bool { self == .global }

    /// The scope of an IPv4 address given as a 32-bit number.
    init(ipv4 address: UInt32) {
        func within(_ network: UInt32, _ prefixLength: UInt32) -> Bool {
            address >> (32 - prefixLength) == network >> (32 - prefixLength)
        }
        self = switch true {
        case within(0x0000_0000, 8): .unspecified
        case within(0x7F00_0000, 8): .loopback
        case within(0x0A00_0000, 8), within(0xAC10_0000, 12), within(0xC0A8_0000, 16), within(0x6440_0000, 10):
            .privateNetwork
        case within(0xA9FE_0000, 16): .linkLocal
        case within(0xE000_0000, 4): .multicast
        case within(0xF000_0000, 4): .reserved
        default: .global
        }
    }

    /// The scope of an IPv6 address given as eight 16-bit groups. Addresses that carry an IPv4 address take that
    /// address's scope: IPv4-mapped (::ffff:0:0/96), the deprecated IPv4-compatible (::/96) and NAT64 (64:ff9b::/96),
    /// since each can end up delivered to the embedded IPv4 address.
    init(ipv6 groups: [UInt16]) {
        let embedded = UInt32(groups[6]) << 16 | UInt32(groups[7])
        let firstFiveZero = groups[0..<5].allSatisfy { $0 == 0 }
        if groups.allSatisfy({ $0 == 0 }) {
            self = .unspecified
        } else if groups[0..<7].allSatisfy({ $0 == 0 }), groups[7] == 1 {
            self = .loopback
        } else if firstFiveZero, groups[5] == 0xFFFF || groups[5] == 0 {
            self = NetworkScope(ipv4: embedded)
        } else if groups[0] == 0x64, groups[1] == 0xFF9B, groups[2..<6].allSatisfy({ $0 == 0 }) {
            self = NetworkScope(ipv4: embedded)
        } else if groups[0] & 0xFE00 == 0xFC00 || groups[0] & 0xFFC0 == 0xFEC0 {
            self = .privateNetwork
        } else if groups[0] & 0xFFC0 == 0xFE80 {
            self = .linkLocal
        } else if groups[0] & 0xFF00 == 0xFF00 {
            self = .multicast
        } else {
            self = .global
        }
    }
}

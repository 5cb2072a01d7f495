/// An IP address or a CIDR block (`10.0.0.0/8`, `::1`, `fd00::/8`), as operators name their reverse proxies.
public struct AddressRange: Sendable, Equatable {
    /// The network's address as 16 bytes; IPv4 is mapped into `::ffff:0:0/96` so both families compare alike.
    let network: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int

    /// Parses `address` or `address/prefix`; `nil` when either part is not valid.
    public init?(_ text: String) {
        let parts = Substring(text).trimmingSpacesAndTabs.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let (bytes, isIPv4) = Self.bytes(of: first) else { return nil }
        let width = isIPv4 ? 32 : 128
        var length = width
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...width).contains(given) else { return nil }
            length = given
        }
        network = bytes
        prefixLength = (isIPv4 ? 96 : 0) + length
    }

    /// Parses a comma-separated list, such as `--trusted-proxies`' value; throws naming the first bad entry.
    public static func list(_ text: String) throws(TwilioError) -> [AddressRange] {
        var ranges: [AddressRange] = []
        for entry in text.split(separator: ",") {
            let trimmed = entry.trimmingSpacesAndTabs
            guard !trimmed.isEmpty else { continue }
            guard let range = AddressRange(String(trimmed)) else {
                throw .invalidParameter("'\(trimmed)' is not an IP address or CIDR block")
            }
            ranges.append(range)
        }
        return ranges
    }

    /// Whether the literal address `text` lies in this range; a name or malformed text never does.
    public func contains(_ text: String) -> Bool {
        guard let (bytes, _) = Self.bytes(of: Substring(text)) else { return false }
        var remaining = prefixLength
        for index in 0..<16 where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            guard bytes[index] & mask == network[index] & mask else { return false }
            remaining -= bits
        }
        return true
    }

    /// Strict dotted-quad IPv4 (mapped into IPv6) or IPv6; the lenient `inet_aton` forms are not proxy addresses.
    static func bytes(of text: Substring) -> ([UInt8], isIPv4: Bool)? {
        if let quad = IPAddressText.dottedQuad(text) {
            return (Array(repeating: 0, count: 10) + [0xFF, 0xFF] + (0..<4).map { UInt8(truncatingIfNeeded: quad >> (24 - 8 * $0)) }, true)
        }
        guard text.contains(":"), let groups = IPAddressText.ipv6(text) else { return nil }
        return (groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, false)
    }
}

extension Substring {
    var trimmingSpacesAndTabs: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}

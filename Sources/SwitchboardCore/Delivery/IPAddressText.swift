/// Reading IP addresses from text, as the resolvers and URL parsers that a request passes through read them, so
/// that an address cannot slip past the webhook policy by being written in an unusual form.
enum IPAddressText {
    /// An IPv4 address in any form `inet_aton` and the WHATWG URL parser accept: one to four parts, each decimal,
    /// octal (leading `0`) or hex (`0x`), the last filling the remaining bytes. `127.1`, `0x7f.0.0.1` and
    /// `2130706433` are all 127.0.0.1. A trailing dot is allowed.
    static func ipv4(_ text: Substring) -> UInt32? {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = ipv4Number(part) else { return nil }
            numbers.append(number)
        }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }), last < UInt64(1) << (8 * (4 - numbers.count)) else { return nil }
        var address = last
        for (index, number) in numbers.enumerated() {
            address |= number << (8 * (3 - index))
        }
        return UInt32(address)
    }

    /// One part of an IPv4 address; `nil` when it is not a number or does not fit in 32 bits.
    static func ipv4Number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part
        var radix: UInt64 = 10
        if part.count >= 2, part.hasPrefix("0x") || part.hasPrefix("0X") {
            digits = part.dropFirst(2)
            radix = 16
            // `0x` alone is zero to the WHATWG parser.
            if digits.isEmpty { return 0 }
        } else if part.count >= 2, part.hasPrefix("0") {
            digits = part.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            value = value * radix + UInt64(digit)
            guard value <= UInt64(UInt32.max) else { return nil }
        }
        return value
    }

    /// An IPv6 address as eight groups: `::` compression, an IPv4 tail (`::ffff:127.0.0.1`) and a zone
    /// (`fe80::1%eth0`, whose zone is dropped) are understood.
    static func ipv6(_ text: Substring) -> [UInt16]? {
        let address = text.firstIndex(of: "%").map { text[..<$0] } ?? text
        let halves = address.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        switch halves.count {
        case 1:
            guard let groups = ipv6Groups(halves[0], allowsIPv4Tail: true), groups.count == 8 else { return nil }
            return groups
        case 2:
            guard let head = ipv6Groups(halves[0], allowsIPv4Tail: false),
                  let tail = ipv6Groups(halves[1], allowsIPv4Tail: true),
                  head.count + tail.count <= 7
            else { return nil }
            return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        default:
            return nil
        }
    }

    /// Colon-separated groups of one to four hex digits, the last of which may be a dotted IPv4 address.
    static func ipv6Groups(_ text: Substring, allowsIPv4Tail: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if allowsIPv4Tail, index == pieces.count - 1, piece.contains(".") {
                guard let ipv4 = dottedQuad(piece) else { return nil }
                groups.append(UInt16(ipv4 >> 16))
                groups.append(UInt16(ipv4 & 0xFFFF))
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16)
                else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    /// Four decimal parts, the only IPv4 form allowed inside an IPv6 address.
    static func dottedQuad(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let byte = UInt8(part)
            else { return nil }
            address = address << 8 | UInt32(byte)
        }
        return address
    }
}

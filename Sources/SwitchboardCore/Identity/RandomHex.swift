/// Lowercase hex strings from the system's cryptographically secure generator.
public enum RandomHex {
    /// `count` random lowercase hex digits.
    public static func make(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        // Sixteen digits from each 64 random bits: every `next()` is a system call.
        var random: UInt64 = 0
        for index in 0..<count {
            if index % 16 == 0 { random = generator.next() }
            bytes.append(digits[Int(random & 0xF)])
            random >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

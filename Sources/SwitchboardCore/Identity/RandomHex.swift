/// Lowercase hex strings from the system's cryptographically secure generator.
public enum RandomHex {
    /// `count` random lowercase hex digits.
    public static func make(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            bytes.append(digits[Int(generator.next() & 0xF)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

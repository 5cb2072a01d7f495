/// Writes SMPP's field types in order: big-endian integers, NUL-terminated C-octet strings, counted octets.
public struct SMPPFieldWriter: Sendable {
    /// What has been written.
    public private(set) var octets: [UInt8] = []

    /// Starts empty.
    public init() {}

    /// One octet.
    public mutating func u8(_ value: UInt8) { octets.append(value) }

    /// A big-endian 16-bit integer.
    public mutating func u16(_ value: UInt16) {
        octets.append(UInt8(value >> 8))
        octets.append(UInt8(value & 0xFF))
    }

    /// A big-endian 32-bit integer.
    public mutating func u32(_ value: UInt32) {
        u16(UInt16(value >> 16))
        u16(UInt16(value & 0xFFFF))
    }

    /// Octets as they are.
    public mutating func bytes(_ value: [UInt8]) { octets.append(contentsOf: value) }

    /// A C-octet string, cut to `maximum` octets with its NUL (SMPP's fixed field sizes); non-ASCII becomes `?`.
    public mutating func cString(_ value: String, maximum: Int = 256) {
        let ascii = value.unicodeScalars.map { $0.isASCII && $0.value != 0 ? UInt8($0.value) : UInt8(ascii: "?") }
        octets.append(contentsOf: ascii.prefix(maximum - 1))
        octets.append(0)
    }
}

/// Reads SMPP's field types in order: big-endian integers, NUL-terminated C-octet strings, counted octets.
public struct SMPPFieldReader: Sendable {
    let octets: [UInt8]
    /// Where the next field starts.
    public private(set) var offset = 0

    /// Reads from the start of `octets`.
    public init(_ octets: [UInt8]) { self.octets = octets }

    /// Whether every octet has been read.
    public var isAtEnd: Bool { offset >= octets.count }

    /// One octet.
    public mutating func u8() throws(SMPPDecodingError) -> UInt8 {
        guard offset < octets.count else { throw SMPPDecodingError("the PDU ends before its fields do") }
        defer { offset += 1 }
        return octets[offset]
    }

    /// A big-endian 16-bit integer.
    public mutating func u16() throws(SMPPDecodingError) -> UInt16 {
        let high = UInt16(try u8())
        return high << 8 | UInt16(try u8())
    }

    /// A big-endian 32-bit integer.
    public mutating func u32() throws(SMPPDecodingError) -> UInt32 {
        let high = UInt32(try u16())
        return high << 16 | UInt32(try u16())
    }

    /// `count` octets.
    public mutating func bytes(_ count: Int) throws(SMPPDecodingError) -> [UInt8] {
        guard count >= 0, offset + count <= octets.count else { throw SMPPDecodingError("a field runs past the end of the PDU") }
        defer { offset += count }
        return Array(octets[offset..<offset + count])
    }

    /// A C-octet string: octets up to a NUL, read as Latin-1 since SMPP's addresses and ids are ASCII.
    public mutating func cString() throws(SMPPDecodingError) -> String {
        guard let end = octets[offset...].firstIndex(of: 0) else { throw SMPPDecodingError("a C-octet string has no NUL terminator") }
        defer { offset = end + 1 }
        return String(octets[offset..<end].map { Character(Unicode.Scalar($0)) })
    }

    /// Whatever is left, such as a PDU's optional parameters.
    public mutating func rest() -> [UInt8] {
        defer { offset = octets.count }
        return Array(octets[min(offset, octets.count)...])
    }
}

import SwitchboardCore

/// SMPP's `data_coding` values this ESME writes and reads.
public enum SMPPDataCoding: UInt8, Sendable {
    /// The SMSC's default alphabet, which Switchboard takes as GSM 7-bit, unpacked.
    case gsm7 = 0
    /// IA5 (ASCII).
    case ascii = 1
    /// ISO-8859-1.
    case latin1 = 3
    /// UCS-2, big-endian; Switchboard writes UTF-16 so that characters beyond the BMP survive.
    case ucs2 = 8

    /// The coding that carries `text`: GSM 7-bit when every character has a form there, UCS-2 otherwise.
    public static func choose(for text: String) -> SMPPDataCoding {
        GSM7Alphabet.canEncode(text) ? .gsm7 : .ucs2
    }

    /// Reads `octets` written in `dataCoding`; an unknown coding is read as UTF-8, then Latin-1.
    public static func decode(_ octets: [UInt8], dataCoding: UInt8) -> String {
        switch SMPPDataCoding(rawValue: dataCoding) {
        case .gsm7: GSM7Alphabet.decode(octets)
        case .ucs2: ucs2(octets)
        case .ascii, .latin1: String(octets.map { Character(Unicode.Scalar($0)) })
        case nil: String(validating: octets, as: UTF8.self) ?? String(octets.map { Character(Unicode.Scalar($0)) })
        }
    }

    /// UTF-16 big-endian code units as text; a lone surrogate reads as U+FFFD.
    static func ucs2(_ octets: [UInt8]) -> String {
        let units = stride(from: 0, to: octets.count - 1, by: 2).map { UInt16(octets[$0]) << 8 | UInt16(octets[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
    }

    /// `text` as UTF-16 big-endian octets.
    static func ucs2Octets(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

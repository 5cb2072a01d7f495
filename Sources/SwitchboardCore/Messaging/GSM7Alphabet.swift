/// GSM 03.38's default alphabet, declared once for what counts an SMS's segments and for what writes it over
/// SMPP (`data_coding` 0: one septet per octet, unpacked, the extension table's characters as an escape, 0x1B,
/// and a second septet).
public enum GSM7Alphabet {
    /// The escape to the extension table.
    static let escape: UInt8 = 0x1B

    /// The basic table, by septet; the escape's slot holds a placeholder never matched.
    static let basic: [Unicode.Scalar] = Array(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{FFFF}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)

    /// The extension table: septet after the escape, and the character it stands for.
    static let extensionTable: [UInt8: Unicode.Scalar] = [
        0x0A: "\u{0C}", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "€",
    ]

    static let basicSeptets: [Unicode.Scalar: UInt8] = Dictionary(
        basic.enumerated().filter { $0.offset != Int(escape) }.map { ($0.element, UInt8($0.offset)) }, uniquingKeysWith: { first, _ in first })
    static let extensionSeptets: [Unicode.Scalar: UInt8] = Dictionary(extensionTable.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })

    /// The septets for `scalar`: one from the basic table, two through the escape, or `nil` when GSM 7-bit
    /// cannot write it (the text then goes as UCS-2).
    public static func septets(for scalar: Unicode.Scalar) -> [UInt8]? {
        if let septet = basicSeptets[scalar] { return [septet] }
        if let septet = extensionSeptets[scalar] { return [escape, septet] }
        return nil
    }

    /// Whether every character of `text` has a GSM 7-bit form.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { septets(for: $0) != nil }
    }

    /// `text` as unpacked septets, or `nil` when a character has no GSM 7-bit form.
    public static func encode(_ text: String) -> [UInt8]? {
        var octets: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let septets = septets(for: scalar) else { return nil }
            octets.append(contentsOf: septets)
        }
        return octets
    }

    /// Reads unpacked septets; an unknown escape reads as a space, as GSM 03.38 says a receiver shows it.
    public static func decode(_ octets: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var escaped = false
        for octet in octets {
            let septet = octet & 0x7F
            if escaped {
                scalars.append(extensionTable[septet] ?? " ")
                escaped = false
            } else if septet == escape {
                escaped = true
            } else {
                scalars.append(basic[Int(septet)])
            }
        }
        return String(scalars)
    }
}

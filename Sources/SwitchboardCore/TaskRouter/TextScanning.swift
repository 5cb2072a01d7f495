/// Helpers shared by the JSON reader and the expression lexer, which both scan UTF-8 bytes.
enum TextScanning {
    /// The 1-based character position of a UTF-8 offset: what a person counts in the text they sent.
    static func characterPosition(ofUTF8Offset offset: Int, in text: String) -> Int {
        String(decoding: text.utf8.prefix(offset), as: UTF8.self).count + 1
    }

    /// The value of an ASCII hex digit, or `nil` when the byte is not one.
    static func hexValue(of byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

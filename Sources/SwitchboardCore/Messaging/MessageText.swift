/// Character-set facts that decide how an SMS body is split.
enum MessageText {
    /// GSM 03.38's basic set; anything outside it and its extension table forces UCS-2.
    static let gsm7Basic: Set<Unicode.Scalar> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            .unicodeScalars)
    /// The extension table, whose characters take two septets.
    static let gsm7Extension: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)

    static func isGSM7(_ scalar: Unicode.Scalar) -> Bool {
        gsm7Basic.contains(scalar) || gsm7Extension.contains(scalar)
    }

    static func gsm7Units(_ scalar: Unicode.Scalar) -> Int {
        gsm7Extension.contains(scalar) ? 2 : 1
    }
}

/// Character-set facts that decide how an SMS body is split.
enum MessageText {
    /// Whether GSM 7-bit can write `scalar`; a body with any character it cannot is sent as UCS-2.
    static func isGSM7(_ scalar: Unicode.Scalar) -> Bool {
        GSM7Alphabet.septets(for: scalar) != nil
    }

    /// The septets `scalar` takes: two for the extension table's characters, else one.
    static func gsm7Units(_ scalar: Unicode.Scalar) -> Int {
        GSM7Alphabet.septets(for: scalar)?.count ?? 1
    }
}

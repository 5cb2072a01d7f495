/// The header block of a mail or a MIME part: unfolded fields in order, looked up case-insensitively.
public struct MailHeaders: Sendable, Equatable {
    /// The fields as written, unfolded, in order.
    public var fields: [(name: String, value: String)]

    /// The first value of field `name`, without surrounding whitespace.
    public func value(_ name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value.trimmed(" \t")
    }

    /// Splits `bytes` into its header block and body at the first empty line; throws when a header line is not
    /// a field (no colon, or a name with spaces), the way malformed mail shows first.
    public static func split(_ bytes: ArraySlice<UInt8>) throws(MalformedMail) -> (MailHeaders, ArraySlice<UInt8>) {
        var fields: [(name: String, value: String)] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let next = end == bytes.endIndex ? end : end + 1
            if end > index, bytes[end - 1] == 0x0D { end -= 1 }
            let line = bytes[index..<end]
            if line.isEmpty { return (MailHeaders(fields: fields), bytes[next...]) }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09 {
                guard !fields.isEmpty else { throw MalformedMail("a header block starts with a continuation line") }
                fields[fields.count - 1].value += " " + text.trimmed(" \t")
            } else {
                guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                      !text[..<colon].contains(where: { $0 == " " || $0 == "\t" })
                else { throw MalformedMail("header line without a field name: \(text.prefix(60))") }
                fields.append((String(text[..<colon]), String(text[text.index(after: colon)...])))
            }
            index = next
        }
        return (MailHeaders(fields: fields), bytes[bytes.endIndex...])
    }

    /// The same fields in the same order (tuples have no `==` of their own to synthesize from).
    public static func == (lhs: MailHeaders, rhs: MailHeaders) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    func trimmed(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

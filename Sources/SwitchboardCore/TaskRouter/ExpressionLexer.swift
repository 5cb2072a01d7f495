/// A problem in expression text and the UTF-8 offset where it was found.
struct ExpressionSyntaxError: Error {
    let message: String
    let offset: Int
}

/// One word, constant or symbol of an expression.
struct ExpressionToken: Sendable {
    enum Kind: Sendable, Equatable {
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma
        case string(String)
        case number(Double)
        case keyword(ExpressionKeyword)
        case attribute(AttributePath)
        /// `==`, `=`, `!=`, `<`, `<=`, `>`, `>=`, `&&` or `||`.
        case symbol(String)
        case end
    }

    let kind: Kind
    /// Where the token starts, in UTF-8 bytes.
    let offset: Int
    /// The token as written, for error messages.
    let text: String
}

/// The words with a meaning of their own; TaskRouter accepts them in any case (`and`, `And`, `AND`).
enum ExpressionKeyword: String, Sendable {
    case and = "AND", or = "OR", has = "HAS", `in` = "IN", not = "NOT", contains = "CONTAINS"
    case `true` = "TRUE", `false` = "FALSE", null = "NULL"
}

/// Splits expression text into tokens.
struct ExpressionLexer {
    /// Every operator spelling; a run of operator characters that is none of these is an unknown operator.
    static let symbols: Set<String> = ["==", "=", "!=", "<", "<=", ">", ">=", "&&", "||"]

    private let bytes: [UInt8]
    private var offset = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func tokenize() throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var tokens = [ExpressionToken]()
        while true {
            skipWhitespace()
            guard offset < bytes.count else {
                tokens.append(ExpressionToken(kind: .end, offset: offset, text: "end of expression"))
                return tokens
            }
            tokens.append(try readToken())
        }
    }

    private mutating func readToken() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = offset
        let byte = bytes[offset]
        func single(_ kind: ExpressionToken.Kind) -> ExpressionToken {
            offset += 1
            return ExpressionToken(kind: kind, offset: start, text: String(UnicodeScalar(byte)))
        }
        switch byte {
        case UInt8(ascii: "("): return single(.leftParenthesis)
        case UInt8(ascii: ")"): return single(.rightParenthesis)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return try readString()
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case UInt8(ascii: "-"):
            guard offset + 1 < bytes.count, Self.isDigit(bytes[offset + 1]) else {
                throw ExpressionSyntaxError(
                    message: "'-' may only start a negative number; hyphens are not supported in TaskRouter expressions",
                    offset: start)
            }
            return try readNumber()
        case _ where Self.isOperatorCharacter(byte): return try readSymbol()
        case _ where nameCharacterLength(at: offset, allowDigits: false) != nil: return try readWord()
        default:
            throw ExpressionSyntaxError(message: "unexpected character '\(characterText(at: start))'", offset: start)
        }
    }

    private mutating func readSymbol() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = offset
        while offset < bytes.count, Self.isOperatorCharacter(bytes[offset]) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard Self.symbols.contains(text) else {
            throw ExpressionSyntaxError(message: "unknown operator '\(text)'", offset: start)
        }
        return ExpressionToken(kind: .symbol(text), offset: start, text: text)
    }

    /// A keyword, or an attribute path: a name followed by `.name` and `[index]` steps, with no spaces between.
    private mutating func readWord() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = offset
        let first = readName()
        if offset >= bytes.count || bytes[offset] != UInt8(ascii: "."),
           let keyword = ExpressionKeyword(rawValue: first.uppercased()) {
            try refuseHyphen()
            return ExpressionToken(kind: .keyword(keyword), offset: start, text: first)
        }
        var segments = [AttributePath.Segment.key(first)]
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard nameCharacterLength(at: offset, allowDigits: true) != nil else {
                    throw ExpressionSyntaxError(message: "expected an attribute name after '.'", offset: offset)
                }
                segments.append(.key(readName()))
            } else if bytes[offset] == UInt8(ascii: "[") {
                segments.append(.index(try readIndex()))
            } else {
                break
            }
        }
        try refuseHyphen()
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        return ExpressionToken(kind: .attribute(AttributePath(segments)), offset: start, text: text)
    }

    private mutating func readName() -> String {
        let start = offset
        while let length = nameCharacterLength(at: offset, allowDigits: true) { offset += length }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func readIndex() throws(ExpressionSyntaxError) -> Int {
        let start = offset
        offset += 1
        let digitsStart = offset
        while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
        guard offset > digitsStart, offset - digitsStart <= 9, offset < bytes.count, bytes[offset] == UInt8(ascii: "]"),
              let index = Int(String(decoding: bytes[digitsStart..<offset], as: UTF8.self))
        else {
            throw ExpressionSyntaxError(message: "an array index must be a non-negative integer in square brackets", offset: start)
        }
        offset += 1
        return index
    }

    /// Twilio documents that hyphens are not supported; saying so beats a puzzling error about the word after one.
    private func refuseHyphen() throws(ExpressionSyntaxError) {
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            throw ExpressionSyntaxError(message: "hyphens are not supported in TaskRouter expressions", offset: offset)
        }
    }

    private mutating func readNumber() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            let fractionStart = offset
            while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
            guard offset > fractionStart else {
                throw ExpressionSyntaxError(message: "invalid number: expected digits after '.'", offset: start)
            }
        }
        if nameCharacterLength(at: offset, allowDigits: true) != nil || (offset < bytes.count && bytes[offset] == UInt8(ascii: ".")) {
            throw ExpressionSyntaxError(message: "invalid number '\(wordText(from: start))'", offset: start)
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw ExpressionSyntaxError(message: "number '\(text)' is out of range", offset: start)
        }
        return ExpressionToken(kind: .number(number), offset: start, text: text)
    }

    private mutating func readString() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = offset
        let quote = bytes[offset]
        offset += 1
        var buffer = [UInt8]()
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == quote {
                offset += 1
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                return ExpressionToken(kind: .string(String(decoding: buffer, as: UTF8.self)), offset: start, text: text)
            }
            if byte == UInt8(ascii: "\\") {
                try readEscape(into: &buffer)
            } else {
                buffer.append(byte)
                offset += 1
            }
        }
        throw ExpressionSyntaxError(message: "unterminated string", offset: start)
    }

    private mutating func readEscape(into buffer: inout [UInt8]) throws(ExpressionSyntaxError) {
        let start = offset
        offset += 1
        guard offset < bytes.count else { return }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "u"):
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard offset < bytes.count, let digit = TextScanning.hexValue(of: bytes[offset]) else {
                    throw ExpressionSyntaxError(message: "\\u must be followed by four hex digits", offset: start)
                }
                value = value << 4 | digit
                offset += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw ExpressionSyntaxError(message: "\\u\(String(value, radix: 16)) is not a Unicode scalar", offset: start)
            }
            Unicode.UTF8.encode(scalar) { buffer.append($0) }
        default:
            throw ExpressionSyntaxError(message: "unknown escape '\\\(characterText(at: offset - 1))' in a string", offset: start)
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private func characterText(at position: Int) -> String {
        String(decoding: bytes[position...].prefix(4), as: UTF8.self).first.map(String.init) ?? ""
    }

    private func wordText(from start: Int) -> String {
        var end = start + 1
        while end < bytes.count, bytes[end] == UInt8(ascii: ".") || nameCharacterLength(at: end, allowDigits: true) != nil { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The length in bytes of the attribute-name character at `position`, or `nil` when there is none there.
    /// Names are letters (of any script, so keys in other languages can be referenced), digits and `_`;
    /// other non-ASCII characters, such as typographic quotes, are refused rather than read as names.
    private func nameCharacterLength(at position: Int, allowDigits: Bool) -> Int? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): return 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return allowDigits ? 1 : nil
        case 0xC0..<0xE0, 0xE0..<0xF0, 0xF0..<0xF8:
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard position + length <= bytes.count,
                  let scalar = String(decoding: bytes[position..<position + length], as: UTF8.self).unicodeScalars.first,
                  scalar.properties.isAlphabetic
            else { return nil }
            return length
        default: return nil
        }
    }

    static func isOperatorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "%"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}

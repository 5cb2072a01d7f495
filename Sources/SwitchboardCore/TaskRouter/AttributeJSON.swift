extension AttributeValue {
    /// How deeply arrays and objects may nest; deeper documents are refused rather than risking the stack.
    public static let maximumJSONDepth = 100

    /// Parses the JSON text of an `Attributes` parameter, which must be an object; `parameter` names it in errors.
    public static func parseAttributes(_ text: String, parameter: String = "Attributes") throws(TwilioError) -> AttributeValue {
        let value: AttributeValue
        do {
            var reader = JSONReader(text)
            value = try reader.readDocument()
        } catch {
            throw .invalidParameter("\(parameter) must be valid JSON: \(error.message) at position \(error.position(in: text))")
        }
        guard case .object = value else { throw .invalidParameter("\(parameter) must be a JSON object") }
        return value
    }

    /// Checks a client's `Attributes` before they are stored: at most `TextLimit.attributes`, and a JSON object.
    public static func checkAttributes(_ text: String, parameter: String = "Attributes") throws(TwilioError) {
        try TextLimit.attributes.check(text, parameter: parameter)
        _ = try parseAttributes(text, parameter: parameter)
    }

    /// Parses any JSON text into a value; `parameter`, when given, names it in errors.
    public static func parse(json text: String, parameter: String? = nil) throws(TwilioError) -> AttributeValue {
        do {
            var reader = JSONReader(text)
            return try reader.readDocument()
        } catch {
            let problem = "\(error.message) at position \(error.position(in: text))"
            throw .invalidParameter(parameter.map { "\($0) must be valid JSON: \(problem)" } ?? "Invalid JSON: \(problem)")
        }
    }
}

/// A problem in JSON text and the UTF-8 offset where it was found.
struct JSONSyntaxError: Error {
    let message: String
    let offset: Int

    /// The 1-based character position of the problem.
    func position(in text: String) -> Int {
        TextScanning.characterPosition(ofUTF8Offset: offset, in: text)
    }
}

/// A strict RFC 8259 reader. Hand-written rather than JSONSerialization because Foundation on Linux
/// bridges JSON booleans and numbers through NSNumber, where `true` and `1` cannot be told apart reliably.
struct JSONReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func readDocument() throws(JSONSyntaxError) -> AttributeValue {
        skipWhitespace()
        guard offset < bytes.count else { throw JSONSyntaxError(message: "the text is empty", offset: offset) }
        let value = try readValue(depth: 0)
        skipWhitespace()
        guard offset == bytes.count else { throw unexpected("after the end of the document") }
        return value
    }

    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> AttributeValue {
        guard depth < AttributeValue.maximumJSONDepth else {
            throw JSONSyntaxError(message: "nesting deeper than \(AttributeValue.maximumJSONDepth) levels", offset: offset)
        }
        guard offset < bytes.count else { throw JSONSyntaxError(message: "unexpected end of text", offset: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw unexpected("where a value was expected")
        }
    }

    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> AttributeValue {
        offset += 1
        var members = [String: AttributeValue]()
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw unexpected("where an object key was expected") }
            let key = try readString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw unexpected("where ':' was expected") }
            skipWhitespace()
            // A repeated key keeps its last value, as JavaScript's JSON.parse does.
            members[key] = try readValue(depth: depth + 1)
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return .object(members) }
            guard consume(UInt8(ascii: ",")) else { throw unexpected("where ',' or '}' was expected") }
        }
    }

    private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> AttributeValue {
        offset += 1
        var elements = [AttributeValue]()
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth + 1))
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            guard consume(UInt8(ascii: ",")) else { throw unexpected("where ',' or ']' was expected") }
        }
    }

    private mutating func readString() throws(JSONSyntaxError) -> String {
        let start = offset
        offset += 1
        var buffer = [UInt8]()
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer)
            case 0..<0x20:
                throw JSONSyntaxError(message: "control character in a string", offset: offset)
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw JSONSyntaxError(message: "unterminated string", offset: start)
    }

    private mutating func readEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let start = offset
        offset += 1
        guard offset < bytes.count else { throw JSONSyntaxError(message: "unterminated string", offset: start) }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var value = try readHexQuad(escapeStart: start)
            if (0xD800..<0xDC00).contains(value) {
                // A high surrogate must be followed by an escaped low surrogate; together they name one scalar.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: start)
                }
                offset += 2
                let low = try readHexQuad(escapeStart: start)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: start)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw JSONSyntaxError(message: "unpaired surrogate in \\u escape", offset: start)
            }
            // PostgreSQL cannot store NUL in text, so it is refused here as in form parameters, and both databases agree.
            guard value != 0 else { throw JSONSyntaxError(message: "the NUL character \\u0000 is not allowed", offset: start) }
            Unicode.UTF8.encode(scalar) { buffer.append($0) }
        default:
            throw JSONSyntaxError(message: "unknown escape in a string", offset: start)
        }
    }

    private mutating func readHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw JSONSyntaxError(message: "incomplete \\u escape", offset: escapeStart) }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            guard let digit = TextScanning.hexValue(of: byte) else { throw JSONSyntaxError(message: "incomplete \\u escape", offset: escapeStart) }
            value = value << 4 | digit
        }
        offset += 4
        return value
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> Double {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            // JSON forbids leading zeros such as 007.
        } else if countDigits() == 0 {
            throw JSONSyntaxError(message: "invalid number", offset: start)
        }
        if consume(UInt8(ascii: ".")), countDigits() == 0 {
            throw JSONSyntaxError(message: "invalid number", offset: start)
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard countDigits() > 0 else { throw JSONSyntaxError(message: "invalid number", offset: start) }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw JSONSyntaxError(message: "number out of range", offset: start)
        }
        return number
    }

    private mutating func countDigits() -> Int {
        var count = 0
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            offset += 1
            count += 1
        }
        return count
    }

    private mutating func readLiteral(_ word: String) throws(JSONSyntaxError) {
        let expected = word.utf8
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw unexpected("where a value was expected")
        }
        offset += expected.count
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private func unexpected(_ context: String) -> JSONSyntaxError {
        guard offset < bytes.count else { return JSONSyntaxError(message: "unexpected end of text", offset: offset) }
        let character = String(decoding: bytes[offset...].prefix(4), as: UTF8.self).first.map { String($0) } ?? "?"
        return JSONSyntaxError(message: "unexpected character '\(character)' \(context)", offset: offset)
    }
}

import NIOCore

/// One answer read off a bench connection: its status code and its body, nothing else decoded.
struct BenchResponse: Sendable {
    /// The HTTP status code.
    var status: Int
    /// The body, de-chunked.
    var body: ByteBuffer

    /// Whether the body holds `needle` byte for byte, without decoding it to a string.
    func bodyContains(_ needle: [UInt8]) -> Bool {
        body.withUnsafeReadableBytes { ResponseFraming.firstIndex(of: needle, in: $0, from: 0) != nil }
    }

    /// The body as text, for the few answers a journey has to read.
    var text: String { String(buffer: body) }
}

/// Splits the bytes a server sends into answers, reading only the status code and the two headers that frame a
/// body (`Content-Length`, `Transfer-Encoding: chunked`): the bench spends its CPU on the load, not on parsing.
struct ResponseFraming {
    /// A response the bench cannot frame.
    struct Malformed: Error {}

    private var pending = ByteBuffer()
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lineEnd: [UInt8] = Array("\r\n".utf8)

    /// Adds bytes read from the socket.
    mutating func append(_ bytes: inout ByteBuffer) {
        if pending.readableBytes == 0 { pending.clear() }
        pending.writeBuffer(&bytes)
    }

    /// The next complete answer, or `nil` until more bytes arrive.
    mutating func next() throws -> BenchResponse? {
        let framed: (status: Int, bodyStart: Int, body: BodyFraming)? = try pending.withUnsafeReadableBytes { bytes in
            guard let end = Self.firstIndex(of: Self.headerEnd, in: bytes, from: 0) else { return nil }
            guard end >= 12, bytes[8] == UInt8(ascii: " ") else { throw Malformed() }
            var status = 0
            for i in 9..<12 {
                let digit = Int(bytes[i]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { throw Malformed() }
                status = status * 10 + digit
            }
            return (status, end + 4, try Self.bodyFraming(bytes, headersEnd: end))
        }
        guard let framed else { return nil }
        switch framed.body {
        case .length(let length):
            guard pending.readableBytes >= framed.bodyStart + length else { return nil }
            pending.moveReaderIndex(forwardBy: framed.bodyStart)
            let body = pending.readSlice(length: length)!
            return BenchResponse(status: framed.status, body: body)
        case .chunked:
            guard let (body, consumed) = try Self.dechunk(pending, from: framed.bodyStart) else { return nil }
            pending.moveReaderIndex(forwardBy: consumed)
            return BenchResponse(status: framed.status, body: body)
        }
    }

    enum BodyFraming {
        case length(Int)
        case chunked
    }

    /// Reads `Content-Length` or `Transfer-Encoding` from the header lines, case-insensitively.
    static func bodyFraming(_ bytes: UnsafeRawBufferPointer, headersEnd: Int) throws -> BodyFraming {
        var lineStart = 0
        while let lineEnd = firstIndex(of: Self.lineEnd, in: bytes, from: lineStart), lineEnd <= headersEnd {
            let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if let value = headerValue(line, name: "content-length") {
                var length = 0
                for byte in value where byte != UInt8(ascii: " ") {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw Malformed() }
                    length = length * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return .length(length)
            }
            if let value = headerValue(line, name: "transfer-encoding"), firstIndex(of: Array("chunked".utf8), in: UnsafeRawBufferPointer(rebasing: value), from: 0) != nil {
                return .chunked
            }
            lineStart = lineEnd + 2
        }
        return .length(0)
    }

    /// The value of header line `line` when its name is `name` (lowercase).
    static func headerValue(_ line: UnsafeRawBufferPointer, name: StaticString) -> Slice<UnsafeRawBufferPointer>? {
        let count = name.utf8CodeUnitCount
        guard line.count > count, line[count] == UInt8(ascii: ":") else { return nil }
        let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: count)
        for i in 0..<count where line[i] | 0x20 != expected[i] { return nil }
        return line[(count + 1)...]
    }

    /// The body of a chunked answer starting at `start`, and how many bytes the whole answer took; `nil` until
    /// its last chunk has arrived.
    static func dechunk(_ buffer: ByteBuffer, from start: Int) throws -> (ByteBuffer, Int)? {
        var body = ByteBuffer()
        var offset = start
        while true {
            let found: (size: Int, dataStart: Int)? = try buffer.withUnsafeReadableBytes { bytes in
                guard let end = firstIndex(of: Self.lineEnd, in: bytes, from: offset) else { return nil }
                var size = 0
                for byte in bytes[offset..<end] {
                    guard let digit = hexValue(byte) else { break }
                    size = size * 16 + digit
                }
                guard end > offset else { throw Malformed() }
                return (size, end + 2)
            }
            guard let found, buffer.readableBytes >= found.dataStart + found.size + 2 else { return nil }
            if found.size == 0 { return (body, found.dataStart + 2) }
            var chunk = buffer.getSlice(at: buffer.readerIndex + found.dataStart, length: found.size)!
            body.writeBuffer(&chunk)
            offset = found.dataStart + found.size + 2
        }
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// Where `needle` first occurs in `bytes` at or after `start`.
    static func firstIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var j = 1
                while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// The body parts of a `multipart/*` entity, split at its boundary (RFC 2046 §5.1).
enum MultipartBody {
    /// Each part's bytes (headers and body), between the delimiter lines; the line break before a delimiter
    /// belongs to it. Throws when no delimiter opens a part or no closing delimiter ends them.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) throws(MalformedMail) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var closed = false
        var index = body.startIndex
        while index < body.endIndex {
            let lineEnd = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            let next = lineEnd == body.endIndex ? lineEnd : lineEnd + 1
            var line = body[index..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                if rest.isEmpty || rest.elementsEqual("--".utf8) {
                    if let start = partStart {
                        // The CRLF (or LF) before the delimiter is the delimiter's.
                        var end = index
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if !rest.isEmpty { closed = true; break }
                    partStart = next
                }
            }
            index = next
        }
        guard partStart != nil else { throw MalformedMail("multipart body has no part with boundary \"\(boundary)\"") }
        guard closed else { throw MalformedMail("multipart body is not closed by --\(boundary)--") }
        return parts
    }
}

import Foundation

/// A `Content-Type` (or `Content-Disposition`) value: its lowercased type and its parameters.
public struct MediaType: Sendable, Equatable {
    /// `text/plain`, `multipart/alternative`, …, lowercased.
    public var value: String
    /// The parameters by lowercased name, unquoted.
    public var parameters: [String: String]

    /// Parses `text`; a missing value is `text/plain` in US-ASCII, as RFC 2045 says.
    public init(_ text: String?) {
        guard let text, !text.isEmpty else {
            value = "text/plain"
            parameters = ["charset": "us-ascii"]
            return
        }
        var pieces = MediaType.split(text)
        value = pieces.isEmpty ? "text/plain" : pieces.removeFirst().trimmed(" \t").lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = String(piece[..<equals]).trimmed(" \t").lowercased()
            var raw = String(piece[piece.index(after: equals)...]).trimmed(" \t")
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = String(raw.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            parameters[name] = raw
        }
        self.parameters = parameters
    }

    /// `text` split at semicolons outside quotes.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\", quoted { escaped = true; current.append(character); continue }
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted { pieces.append(current); current = ""; continue }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}

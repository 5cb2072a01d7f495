public import Foundation
public import SwitchboardCore

/// Parameters of a request, from a form-encoded body or a query string, as Twilio's clients send them:
/// PascalCase names, dotted names for nested settings, repeated keys for lists, `true`/`false` for booleans.
public struct FormParameters: Sendable {
    /// Every name-value pair, in the order sent.
    public let pairs: [(String, String)]

    /// Parses `application/x-www-form-urlencoded` text; a malformed escape is a 20001.
    public init(encoded text: Substring) throws(TwilioError) {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let nameEnd = part.firstIndex(of: "=") ?? part.endIndex
            let name = try Self.decode(part[..<nameEnd])
            let value = nameEnd == part.endIndex ? "" : try Self.decode(part[part.index(after: nameEnd)...])
            // PostgreSQL cannot store NUL in text and SQLite can: refusing it here, for every body and query
            // parameter, makes both databases answer alike.
            guard !name.unicodeScalars.contains("\0") else { throw .invalidParameter("Parameter names must not contain the NUL character") }
            guard !value.unicodeScalars.contains("\0") else { throw .invalidParameter("\(name) must not contain the NUL character") }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// Parameters from pairs already decoded.
    public init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    /// The last value sent for `name`: Twilio takes the last of repeated scalar parameters.
    public func string(_ name: String) -> String? {
        pairs.last { $0.0 == name }?.1
    }

    /// Every value sent for `name`, for list parameters.
    public func strings(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    /// A boolean parameter: `true` or `false`, in any case.
    public func bool(_ name: String) throws(TwilioError) -> Bool? {
        guard let raw = string(name) else { return nil }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidParameter("\(name) must be true or false; got '\(raw)'")
        }
    }

    /// An integer parameter.
    public func int(_ name: String) throws(TwilioError) -> Int? {
        guard let raw = string(name) else { return nil }
        guard let value = Int(raw.trimmingSpaces) else { throw .invalidParameter("\(name) must be an integer; got '\(raw)'") }
        return value
    }

    /// An ISO 8601 date-time parameter, as v1 APIs take dates.
    public func date(_ name: String) throws(TwilioError) -> Date? {
        guard let raw = string(name) else { return nil }
        guard let date = WireDate.parseISO8601(raw) else { throw .invalidParameter("\(name) must be an ISO 8601 date-time; got '\(raw)'") }
        return date
    }

    static func decode(_ text: Substring) throws(TwilioError) -> String {
        guard let decoded = FormEncoding.unescape(text) else {
            throw .invalidParameter("Malformed percent-encoding or invalid UTF-8 in request parameters")
        }
        return decoded
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}

/// A URL cut into the pieces delivery needs. The cutting is done on the text itself, not by a URL parser, because
/// signatures are computed over the exact characters: a parser that re-encodes or normalises would break them.
struct WebhookURLParts: Equatable {
    /// The scheme as written, e.g. `https`.
    var scheme: String
    /// `user:password`, without the `@`.
    var userInfo: String?
    /// The host as written; an IPv6 literal keeps its brackets.
    var host: String
    /// The port digits as written, without the `:`.
    var port: String?
    /// Everything after the authority and before the fragment: path and query.
    var pathAndQuery: String
    /// Everything after the first `#`.
    var fragment: String?

    /// Cuts `url`, or returns `nil` when it has no `scheme://authority` or a port that is not digits.
    init?(_ url: String) {
        guard let separator = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        self.scheme = String(scheme)

        var rest = url[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        } else {
            fragment = nil
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        pathAndQuery = String(rest[authorityEnd...])

        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        } else {
            userInfo = nil
        }

        let hostEnd: Substring.Index
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostEnd = authority.index(after: close)
        } else {
            hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
        }
        host = String(authority[..<hostEnd])
        let afterHost = authority[hostEnd...]
        if afterHost.isEmpty {
            port = nil
        } else {
            guard afterHost.first == ":" else { return nil }
            let digits = afterHost.dropFirst()
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            // An empty port (`host:`) means the default one, as browsers read it.
            port = digits.isEmpty ? nil : String(digits)
        }
    }

    /// Whether the scheme is `https`, in any case.
    var isHTTPS: Bool { scheme.lowercased() == "https" }

    /// The URL put back together.
    var text: String {
        var result = scheme + "://"
        if let userInfo { result += userInfo + "@" }
        result += host
        if let port { result += ":" + port }
        result += pathAndQuery
        if let fragment { result += "#" + fragment }
        return result
    }

    /// The query, without the `?`, or `nil` when there is none.
    var query: Substring? {
        guard let mark = pathAndQuery.firstIndex(of: "?") else { return nil }
        return pathAndQuery[pathAndQuery.index(after: mark)...]
    }
}

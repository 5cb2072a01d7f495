public import SwitchboardCore

/// A request a provider made to a sender's inbound URL, as received: what its signature is computed over.
public struct ProviderHTTPRequest: Sendable {
    /// `GET` or `POST`.
    public var method: String
    /// The URL the provider requested, as the public URL spells it, query included.
    public var url: String
    /// The headers, names in lowercase.
    public var headers: [(name: String, value: String)]
    /// The raw body.
    public var body: [UInt8]

    /// Creates a request; header names are lowercased.
    public init(method: String, url: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// The query's parameters, decoded, in order.
    public var queryParameters: [FormPair] {
        guard let question = url.firstIndex(of: "?") else { return [] }
        return FormEncoding.decode(String(url[url.index(after: question)...])) ?? []
    }

    /// The body's form parameters, decoded, in order.
    public var formParameters: [FormPair] {
        FormEncoding.decode(String(decoding: body, as: UTF8.self)) ?? []
    }
}

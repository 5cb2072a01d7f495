import NIOCore

/// The bytes of one request, built once where they do not change, so sending costs no encoding.
struct BenchRequest: Sendable {
    /// The whole request: request line, headers and body.
    let bytes: ByteBuffer

    /// A request to `path` with the server's `host` and the account's `authorization`, and a form body if given.
    init(_ method: String, _ path: String, host: String, authorization: String, form: String? = nil) {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nAuthorization: \(authorization)\r\n"
        if let form {
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n" + form
        } else {
            head += "\r\n"
        }
        bytes = ByteBuffer(string: head)
    }
}

/// Where requests go: one server's host and port, and the account they act as.
struct BenchServer: Sendable {
    /// The host the bench connects to.
    let host: String
    /// Its port.
    let port: Int
    /// The `Authorization` header value.
    let authorization: String

    /// Parses `http://host:port`.
    init(url: String, authorization: String) throws {
        guard url.hasPrefix("http://") else { throw BenchSetupError(description: "only http:// URLs are benchmarked: \(url)") }
        let rest = url.dropFirst("http://".count).split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let parts = rest.split(separator: ":")
        host = parts.first.map(String.init) ?? "127.0.0.1"
        port = parts.count > 1 ? Int(parts[1]) ?? 80 : 80
        self.authorization = authorization
    }

    /// A request to this server.
    func request(_ method: String, _ path: String, form: String? = nil) -> BenchRequest {
        BenchRequest(method, path, host: "\(host):\(port)", authorization: authorization, form: form)
    }
}

internal import Crypto

extension RequestSignature {
    /// The query parameter that carries the SHA-256 of a JSON body.
    public static let bodyHashParameter = "bodySHA256"

    /// The lowercase hex SHA-256 of a request body.
    public static func bodyHash(_ body: [UInt8]) -> String {
        LowercaseHex.encode(SHA256.hash(data: body))
    }

    /// `url` with `bodySHA256=<hash of body>` added to its query, before any fragment.
    public static func addingBodyHash(to url: String, body: [UInt8]) -> String {
        let pair = "\(bodyHashParameter)=\(bodyHash(body))"
        guard var parts = WebhookURLParts(url) else { return url + "?" + pair }
        switch parts.query {
        case nil: parts.pathAndQuery += "?" + pair
        case let query? where query.isEmpty || query.hasSuffix("&"): parts.pathAndQuery += pair
        default: parts.pathAndQuery += "&" + pair
        }
        return parts.text
    }

    /// The signature of a JSON post: over the URL with the body's hash added, and no parameters.
    public static func compute(url: String, jsonBody: [UInt8], authToken: String) -> String {
        compute(url: addingBodyHash(to: url, body: jsonBody), parameters: [], authToken: authToken)
    }

    /// Whether `signature` and the `bodySHA256` in `url` match this JSON post; a URL without `bodySHA256` never does.
    public static func validate(_ signature: String, url: String, jsonBody: [UInt8], authToken: String) -> Bool {
        // Without `bodySHA256` nothing ties the body to the signature, so there is nothing to accept.
        guard let claimed = WebhookURLParts(url)?.query?
            .split(separator: "&")
            .first(where: { $0.hasPrefix(bodyHashParameter + "=") })?
            .dropFirst(bodyHashParameter.count + 1)
        else { return false }
        let bodyMatches = Secrets.constantTimeEquals(bodyHash(jsonBody), String(claimed))
        let signatureMatches = validate(signature, url: url, parameters: [], authToken: authToken)
        return bodyMatches && signatureMatches
    }
}

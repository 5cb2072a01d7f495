internal import Crypto
internal import Foundation

/// Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the auth token, of the URL and the sorted form parameters.
public enum RequestSignature {
    /// The header that carries the signature.
    public static let headerName = "X-Twilio-Signature"

    /// The signature of a form post to `url` with these parameters, in any order, names possibly repeated.
    public static func compute(url: String, parameters: [(name: String, value: String)], authToken: String) -> String {
        // Sorting and de-duplicating by UTF-8 bytes orders by code point, as Python does; Swift's own String
        // comparison would treat canonically equivalent spellings as equal and sort them differently.
        var valuesByName: [[UInt8]: Set<[UInt8]>] = [:]
        for parameter in parameters {
            valuesByName[Array(parameter.name.utf8), default: []].insert(Array(parameter.value.utf8))
        }
        var message = Array(url.utf8)
        for name in valuesByName.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            // twilio-python signs each distinct value of a repeated name once, values sorted.
            for value in valuesByName[name, default: []].sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                message += name
                message += value
            }
        }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: Array(authToken.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The signature of a form post whose parameter names are not repeated.
    public static func compute(url: String, parameters: [String: String], authToken: String) -> String {
        compute(url: url, parameters: parameters.map { (name: $0.key, value: $0.value) }, authToken: authToken)
    }

    /// Whether `signature` is Twilio's for this form post, the URL tried without and with its port as twilio-python does.
    public static func validate(
        _ signature: String, url: String, parameters: [(name: String, value: String)], authToken: String
    ) -> Bool {
        // Twilio's back end is not consistent about the port, so a receiver cannot know which form was signed.
        portVariants(of: url).contains { candidate in
            Secrets.constantTimeEquals(compute(url: candidate, parameters: parameters, authToken: authToken), signature)
        }
    }

    /// The URL Twilio signs for a request to `requestURL`: no fragment, no credentials, and no port for HTTPS.
    public static func signedURL(for requestURL: String) -> String {
        // Twilio's security notes drop credentials, and the port for HTTPS; the fragment never reaches the receiver,
        // which could not include it when checking.
        guard var parts = WebhookURLParts(requestURL) else { return requestURL }
        parts.fragment = nil
        parts.userInfo = nil
        if parts.isHTTPS { parts.port = nil }
        return parts.text
    }

    /// `url` without its port and with the scheme's default port, as twilio-python's `remove_port` and `add_port`.
    static func portVariants(of url: String) -> [String] {
        guard let parts = WebhookURLParts(url) else { return [url] }
        var withoutPort = parts
        withoutPort.port = nil
        var withPort = parts
        if withPort.port == nil { withPort.port = parts.isHTTPS ? "443" : "80" }
        return [withoutPort.text, withPort.text]
    }
}

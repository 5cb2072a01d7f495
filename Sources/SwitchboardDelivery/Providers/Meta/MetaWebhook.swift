public import SwitchboardCore

/// What Meta's webhooks share between WhatsApp and Messenger: the `GET` verification handshake and the
/// `X-Hub-Signature-256` header, an HMAC-SHA256 of the raw body keyed with the app secret.
public enum MetaWebhook {
    /// The header that carries the signature, as `sha256=<hex>`.
    public static let signatureHeader = "X-Hub-Signature-256"

    /// The answer to Meta's verification `GET` (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`): the
    /// challenge echoed when the token is the sender's, else 403.
    public static func verification(_ request: ProviderHTTPRequest, verifyToken: String?) throws(TwilioError) -> ProviderInbound {
        let query = request.queryParameters
        func value(_ name: String) -> String? { query.last { $0.name == name }?.value }
        guard value("hub.mode") == "subscribe", let token = value("hub.verify_token"), let verifyToken, !verifyToken.isEmpty,
              Secrets.constantTimeEquals(token, verifyToken), let challenge = value("hub.challenge")
        else { throw .forbidden("The verification token does not match the sender's verify_token") }
        return ProviderInbound(answer: ProviderAnswer(body: challenge))
    }

    /// Refuses a `POST` whose body is not signed with `appSecret`, before anything of it is read.
    public static func checkSignature(_ request: ProviderHTTPRequest, appSecret: String?) throws(TwilioError) {
        guard let appSecret, !appSecret.isEmpty, let header = request.header(signatureHeader), header.hasPrefix("sha256=") else {
            throw .forbidden("The request has no valid \(signatureHeader)")
        }
        guard Secrets.constantTimeEquals(String(header.dropFirst("sha256=".count)).lowercased(), signature(of: request.body, appSecret: appSecret)) else {
            throw .forbidden("The request has no valid \(signatureHeader)")
        }
    }

    /// The lowercase hex HMAC-SHA256 of `body` keyed with `appSecret`, as Meta signs.
    public static func signature(of body: [UInt8], appSecret: String) -> String {
        Secrets.hmacSHA256Hex(body, key: appSecret)
    }
}

public import SwitchboardCore

/// Turns a queued webhook call into the request Twilio would send: signed with the account's auth token, and
/// carrying the outbox entry's idempotency token, which stays the same on every retry.
public enum WebhookSigning {
    /// The request for `call`.
    public static func request(for call: WebhookCall, authToken: String, idempotencyToken: String) -> WebhookRequest {
        let target = WebhookTarget(call.url)
        var headers: [(name: String, value: String)] = [
            ("User-Agent", "TwilioProxy/1.1"),
            ("Accept", "*/*"),
            ("I-Twilio-Idempotency-Token", idempotencyToken),
        ]
        let url: String
        let body: [UInt8]
        switch call.body {
        case .form(let pairs) where call.method == "GET":
            // A GET carries its parameters in the query string, and its signature covers the URL alone.
            let query = FormEncoding.encode(pairs)
            url = query.isEmpty ? target.url : target.url + (target.url.contains("?") ? "&" : "?") + query
            headers.append((RequestSignature.headerName,
                            RequestSignature.compute(url: RequestSignature.signedURL(for: url), parameters: [], authToken: authToken)))
            body = []
        case .form(let pairs):
            let signed = SignedWebhookRequest.form(to: call.url, parameters: pairs.map { ($0.name, $0.value) }, authToken: authToken)
            url = signed.url
            headers.append((RequestSignature.headerName, signed.signature))
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormEncoding.encode(pairs).utf8)
        case .json(let text):
            body = Array(text.utf8)
            let signed = SignedWebhookRequest.json(to: call.url, body: body, authToken: authToken)
            url = signed.url
            headers.append((RequestSignature.headerName, signed.signature))
            headers.append(("Content-Type", "application/json"))
        }
        return WebhookRequest(url: url, method: call.method, headers: headers, body: body, overrides: target.overrides)
    }
}

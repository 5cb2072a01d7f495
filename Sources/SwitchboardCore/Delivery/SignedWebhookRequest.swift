/// What Switchboard sends to a webhook, made as Twilio makes it: the URL to request and its `X-Twilio-Signature`.
public struct SignedWebhookRequest: Sendable, Equatable {
    /// The URL to request: the configured one without its fragment, plus `bodySHA256` for a JSON body.
    public let url: String
    /// The `X-Twilio-Signature` header value.
    public let signature: String

    /// Signs a form post of `parameters` to `configuredURL`.
    public static func form(
        to configuredURL: String, parameters: [(name: String, value: String)], authToken: String
    ) -> SignedWebhookRequest {
        let url = WebhookTarget(configuredURL).url
        let signature = RequestSignature.compute(
            url: RequestSignature.signedURL(for: url), parameters: parameters, authToken: authToken
        )
        return SignedWebhookRequest(url: url, signature: signature)
    }

    /// Signs a JSON post of `body` to `configuredURL`.
    public static func json(to configuredURL: String, body: [UInt8], authToken: String) -> SignedWebhookRequest {
        let url = RequestSignature.addingBodyHash(to: WebhookTarget(configuredURL).url, body: body)
        let signature = RequestSignature.compute(
            url: RequestSignature.signedURL(for: url), parameters: [], authToken: authToken
        )
        return SignedWebhookRequest(url: url, signature: signature)
    }
}

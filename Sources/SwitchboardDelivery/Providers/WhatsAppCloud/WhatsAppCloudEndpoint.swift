import Foundation
import SwitchboardCore

/// Where and how a WhatsApp Cloud sender calls Meta's Graph API: its `graph_url` and `api_version` (Meta's by
/// default) and its access token, sent only in the `Authorization` header so that no URL, log line or error
/// carries it.
struct WhatsAppCloudEndpoint: Sendable {
    /// Meta's Graph API.
    static let defaultGraphURL = "https://graph.facebook.com"
    /// The Graph API version the connector speaks, whose OpenAPI description the tests check requests against.
    static let defaultVersion = "v23.0"

    /// The Graph API root, without a trailing slash.
    let graphURL: String
    /// Such as `v23.0`.
    let version: String
    /// The sender's access token.
    let accessToken: String

    /// The endpoint of `sender`'s settings.
    init(_ sender: ConfiguredSender) {
        var root = sender.setting("graph_url").flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultGraphURL
        while root.hasSuffix("/") { root.removeLast() }
        graphURL = root
        version = sender.setting("api_version").flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultVersion
        accessToken = sender.setting("access_token") ?? ""
    }

    /// The URL of `{graph}/{version}/{node}/{edge}`, the node's id percent-encoded.
    func url(node: String, edge: String) -> String {
        let encoded = node.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? node
        return "\(graphURL)/\(version)/\(encoded)/\(edge)"
    }

    /// A JSON `POST` of `body` to `url` with the bearer token.
    func post(_ url: String, json body: [String: Any]) -> WebhookRequest {
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return WebhookRequest(
            url: url, method: "POST",
            headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(accessToken)"), ("Accept", "application/json")],
            body: Array(data), overrides: ConnectionOverrides())
    }
}

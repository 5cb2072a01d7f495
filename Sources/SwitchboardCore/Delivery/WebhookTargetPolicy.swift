internal import Foundation

/// Which webhook URLs Switchboard may call, so an API-set URL cannot reach its machine, network or metadata service.
public enum WebhookTargetPolicy {
    // Classification only, without DNS: a name is left to be resolved, and each address it resolves to must pass
    // `scope(ofAddress:)` at connect time, on the connection actually used, which also defeats DNS rebinding.

    /// The scope of an IP address literal, or `nil` when the text is not one. IPv6 may carry a zone (`%eth0`).
    public static func scope(ofAddress address: String) -> NetworkScope? {
        let text = address[...]
        if let groups = IPAddressText.ipv6(text) { return NetworkScope(ipv6: groups) }
        if let ipv4 = IPAddressText.ipv4(text) { return NetworkScope(ipv4: ipv4) }
        return nil
    }

    /// Whether `url` may be called as far as can be told without DNS.
    public static func check(url: String) -> WebhookTargetVerdict {
        guard let parts = WebhookURLParts(url), ["http", "https"].contains(parts.scheme.lowercased()),
              let decoded = parts.host.removingPercentEncoding?.lowercased(), !decoded.isEmpty
        else { return .malformed }

        if decoded.hasPrefix("[") {
            guard decoded.hasSuffix("]"), let groups = IPAddressText.ipv6(decoded.dropFirst().dropLast())
            else { return .malformed }
            return verdict(NetworkScope(ipv6: groups))
        }
        if let ipv4 = IPAddressText.ipv4(decoded[...]) { return verdict(NetworkScope(ipv4: ipv4)) }

        // RFC 6761 reserves `localhost` and every name under it for this machine: no need to resolve them to know.
        let name = decoded.hasSuffix(".") ? String(decoded.dropLast()) : decoded
        if name == "localhost" || name.hasSuffix(".localhost") { return .refused(.loopback) }
        return .resolveFirst(host: name)
    }

    private static func verdict(_ scope: NetworkScope) -> WebhookTargetVerdict {
        scope.isPublic ? .allowed : .refused(scope)
    }
}

/// What `WebhookTargetPolicy` says of a URL.
public enum WebhookTargetVerdict: Sendable, Equatable {
    /// The host is a public IP address literal.
    case allowed
    /// The host is a name: resolve it, and check every address with `WebhookTargetPolicy.scope(ofAddress:)`.
    case resolveFirst(host: String)
    /// The host is, or is named as, an address in this scope.
    case refused(NetworkScope)
    /// Not an `http` or `https` URL with a host.
    case malformed
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix
public import SwitchboardCore

/// Decides whether a webhook may be sent to a URL's host, resolving names and checking every address they resolve
/// to, so an API-set URL cannot reach this machine, its network or a cloud metadata service.
public struct WebhookAddressGuard: Sendable {
    /// Whether private, loopback and link-local targets are allowed (`SWITCHBOARD_ALLOW_PRIVATE_WEBHOOKS`).
    public var allowPrivateTargets: Bool

    /// Creates a guard.
    public init(allowPrivateTargets: Bool) {
        self.allowPrivateTargets = allowPrivateTargets
    }

    /// What may be connected to for `url`.
    public enum Decision: Sendable, Equatable {
        /// Connect; when `pinnedAddress` is set, connect to that checked address rather than resolving again, so
        /// the name cannot be re-pointed (DNS rebinding) between the check and the connection.
        case allowed(pinnedAddress: String?)
        /// Do not connect, for this reason.
        case refused(String)
    }

    /// Checks `url`.
    public func check(_ url: String) async -> Decision {
        switch WebhookTargetPolicy.check(url: url) {
        case .malformed:
            return .refused("not an http or https URL with a host")
        case .allowed:
            return .allowed(pinnedAddress: nil)
        case .refused(let scope):
            return allowPrivateTargets ? .allowed(pinnedAddress: nil) : .refused("the host is a \(scope.rawValue) address")
        case .resolveFirst(let host):
            let addresses = await Self.resolve(host)
            guard let first = addresses.first else { return .refused("the host \(host) does not resolve") }
            if !allowPrivateTargets {
                for address in addresses {
                    let scope = WebhookTargetPolicy.scope(ofAddress: address) ?? .reserved
                    if !scope.isPublic { return .refused("the host \(host) resolves to a \(scope.rawValue) address (\(address))") }
                }
            }
            return .allowed(pinnedAddress: first)
        }
    }

    /// The numeric addresses `host` resolves to; blocking resolution runs on NIO's thread pool.
    static func resolve(_ host: String) async -> [String] {
        (try? await NIOThreadPool.singleton.runIfActive { Self.getAddresses(host) }) ?? []
    }

    static func getAddresses(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let entry = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }
}

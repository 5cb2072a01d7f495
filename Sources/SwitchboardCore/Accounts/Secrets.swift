internal import Crypto

/// Making and checking the secrets used in HTTP Basic authentication.
public enum Secrets {
    /// A new auth token: 32 lowercase hex digits, as Twilio's.
    public static func makeAuthToken() -> String { RandomHex.make(count: 32) }

    /// A new API key secret: 32 random characters.
    public static func makeApiKeySecret() -> String { RandomHex.make(count: 32) }

    /// The digest stored in place of an API key secret.
    public static func digest(_ secret: String) -> String {
        LowercaseHex.encode(SHA256.hash(data: Array(secret.utf8)))
    }

    /// The lowercase hex HMAC-SHA256 of `bytes` keyed with `key`, as Meta signs its webhooks.
    public static func hmacSHA256Hex(_ bytes: [UInt8], key: String) -> String {
        LowercaseHex.encode(HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: Array(key.utf8))))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

public import Foundation
internal import Crypto

/// Seals secrets that Switchboard must read back later, such as API key secrets that sign Access Tokens, with
/// AES-GCM under one 32-byte key; what the database holds is useless without that key.
public struct SecretBox: Sendable {
    /// How long the key is, in bytes.
    public static let keyLength = 32

    let key: SymmetricKey

    /// A box with the given 32-byte key.
    public init(key: some DataProtocol) throws(SecretBoxError) {
        guard key.count == Self.keyLength else { throw .wrongKeyLength(key.count) }
        self.key = SymmetricKey(data: Array(key))
    }

    /// A box with a new random key, for a process whose sealed secrets need not outlive it (tests).
    public init() {
        self.key = SymmetricKey(size: .bits256)
    }

    /// A new random key, as `serve` writes it to its key file.
    public static func makeKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    /// The secret sealed: nonce, ciphertext and tag, base64-encoded so a text column holds it.
    public func seal(_ secret: String) -> String {
        // Sealing with a valid key and a fresh random nonce cannot fail.
        let box = try! AES.GCM.seal(Data(secret.utf8), using: key)
        return box.combined!.base64EncodedString()
    }

    /// The secret `seal` produced; `nil` when it was sealed with another key or altered.
    public func open(_ sealed: String) -> String? {
        guard let combined = Data(base64Encoded: sealed),
              let box = try? AES.GCM.SealedBox(combined: combined),
              let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(data: plain, encoding: .utf8)
    }
}

/// Why a ``SecretBox`` key was refused.
public enum SecretBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key is not 32 bytes long.
    case wrongKeyLength(Int)

    /// One line for the operator.
    public var description: String {
        switch self {
        case .wrongKeyLength(let count): "the secret key must be \(SecretBox.keyLength) bytes; got \(count)"
        }
    }
}

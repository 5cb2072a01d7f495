public import Foundation
public import SwitchboardCore
public import SwitchboardStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the ``SecretBox`` key of `serve` and `agent-token` comes from: `SWITCHBOARD_SECRET_KEY` (32 bytes,
/// base64) when given, or else `switchboard.key` in the data directory, created on first use with mode 0600.
public enum SecretKeyFile {
    /// The key file's name.
    public static let fileName = "switchboard.key"

    /// The folder that holds the key file: a SQLite file's own folder, or the working directory for `:memory:`
    /// and PostgreSQL.
    public static func directory(for database: DatabaseLocation) -> URL {
        switch database {
        case .sqliteFile(let path): URL(fileURLWithPath: path).deletingLastPathComponent()
        case .sqliteMemory, .postgres: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        }
    }

    /// The box for `environmentKey` if given, else for the key file in `directory`, which is created if missing.
    public static func secretBox(environmentKey: String?, directory: URL) throws(SecretKeyError) -> SecretBox {
        if let environmentKey {
            guard let key = Data(base64Encoded: environmentKey.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SecretKeyError(description: "SWITCHBOARD_SECRET_KEY must be 32 bytes in base64")
            }
            do { return try SecretBox(key: key) } catch {
                throw SecretKeyError(description: "SWITCHBOARD_SECRET_KEY: \(error.description)")
            }
        }
        let file = directory.appendingPathComponent(fileName)
        let key: Data
        if FileManager.default.fileExists(atPath: file.path) {
            do { key = try Data(contentsOf: file) } catch {
                throw SecretKeyError(description: "cannot read the secret key file \(file.path): \(error.localizedDescription)")
            }
        } else {
            key = SecretBox.makeKey()
            try create(file, holding: key)
        }
        do { return try SecretBox(key: key) } catch {
            throw SecretKeyError(description: "the secret key file \(file.path) is damaged: \(error.description)")
        }
    }

    /// Writes a new key file, created with mode 0600 so the key is never readable by others, not even for a moment.
    static func create(_ file: URL, holding key: Data) throws(SecretKeyError) {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw SecretKeyError(description: "cannot create the secret key file \(file.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == key.count else {
            throw SecretKeyError(description: "cannot write the secret key file \(file.path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Why no secret key could be had, in one line for the operator.
public struct SecretKeyError: Error, Sendable, CustomStringConvertible {
    /// The line.
    public var description: String
}

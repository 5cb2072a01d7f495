import NIOSSL

/// The certificate and key with which the SMTP listener offers STARTTLS, loaded once at start.
public struct SMTPListenerTLS: Sendable {
    let context: NIOSSLContext

    /// Loads the PEM certificate chain at `certificate` and the PEM private key at `key`; throws a readable
    /// reason when either cannot be used.
    public init(certificate: String, key: String) throws {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPListenerTLSUnusable(description: "the SMTP listener's certificate \(certificate) or key \(key) cannot be used: \(error)")
        }
    }
}

/// The listener's certificate or key cannot be loaded.
public struct SMTPListenerTLSUnusable: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

import Foundation

/// Text from the bytes of a MIME part or an encoded word in its declared charset.
public enum MailCharset {
    /// `bytes` read as `charset` (UTF-8, US-ASCII, ISO-8859-1 or Windows-1252; anything else is read as UTF-8),
    /// with undecodable bytes replaced rather than the text lost.
    public static func text(_ bytes: [UInt8], charset: String?) -> String {
        switch (charset ?? "us-ascii").lowercased() {
        case "iso-8859-1", "latin1", "iso_8859-1", "l1":
            return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

import Foundation

/// A file sent with a mail, fetched from one of the message's media URLs.
public struct MailAttachment: Sendable, Equatable {
    /// The largest file an outbound mail attaches: 10 MiB, within what common relays take for a whole mail.
    public static let maximumBytes = 10 * 1_048_576

    /// The file name shown by mail clients.
    public var filename: String
    /// Its media type.
    public var contentType: String
    /// Its bytes.
    public var bytes: [UInt8]

    /// Creates the attachment.
    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The file name at the end of `url`'s path, and the media type its extension says.
    public static func describe(_ url: String) -> (filename: String, contentType: String) {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        let filename = last.isEmpty || last.contains(":") ? "attachment" : (last.removingPercentEncoding ?? last)
        let types = ["jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
                     "pdf": "application/pdf", "txt": "text/plain", "csv": "text/csv", "mp4": "video/mp4", "mp3": "audio/mpeg",
                     "ogg": "audio/ogg", "zip": "application/zip", "json": "application/json"]
        let suffix = filename.split(separator: ".").count > 1 ? filename.split(separator: ".").last.map { $0.lowercased() } : nil
        return (filename, suffix.flatMap { types[$0] } ?? "application/octet-stream")
    }
}

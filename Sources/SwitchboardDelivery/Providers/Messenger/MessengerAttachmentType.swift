/// The Send API's attachment `type` for a media URL, told from the extension of its path: Meta fetches the URL
/// itself, but needs to know what kind of player to show.
public enum MessengerAttachmentType: String, Sendable, Equatable {
    /// A picture.
    case image
    /// A video.
    case video
    /// A sound.
    case audio
    /// Anything else, shown as a download.
    case file

    static let images: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "bmp", "heic"]
    static let videos: Set<String> = ["mp4", "m4v", "mov", "webm", "mkv", "avi", "3gp"]
    static let sounds: Set<String> = ["mp3", "m4a", "aac", "wav", "ogg", "oga", "opus", "amr"]

    /// The type for `url`, by the extension of its path (query and fragment ignored, case ignored).
    public init(url: String) {
        let path = url.split(separator: "#", maxSplits: 1).first.map { $0.split(separator: "?", maxSplits: 1).first ?? "" } ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let ext = name.contains(".") ? (name.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        if Self.images.contains(ext) {
            self = .image
        } else if Self.videos.contains(ext) {
            self = .video
        } else if Self.sounds.contains(ext) {
            self = .audio
        } else {
            self = .file
        }
    }
}

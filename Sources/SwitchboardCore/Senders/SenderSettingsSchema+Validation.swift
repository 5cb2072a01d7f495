public import Foundation

extension SenderSettingsSchema {
    /// The settings in `text`, a JSON object of strings (numbers are taken as their text), each key one the
    /// connector knows; a `null` value asks to remove the setting. Every refusal is a 400 that names the key.
    public func parse(_ text: String) throws(TwilioError) -> [String: String?] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw .invalidParameter("Settings must be a JSON object")
        }
        var settings: [String: String?] = [:]
        for (key, value) in object {
            guard known.contains(key) else {
                throw .invalidParameter("Settings.\(key) is not a setting of this connector; it takes \(known.sorted().joined(separator: ", "))")
            }
            switch value {
            case let string as String: settings[key] = .some(string)
            case let number as NSNumber: settings[key] = .some(number.stringValue)
            case is NSNull: settings[key] = .some(nil)
            default: throw .invalidParameter("Settings.\(key) must be a string")
            }
        }
        return settings
    }

    /// Refuses settings that lack a required key or hold a malformed URL or number.
    public func check(_ settings: [String: String]) throws(TwilioError) {
        for group in required where !group.contains(where: { !(settings[$0] ?? "").isEmpty }) {
            throw .invalidParameter("Settings.\(group.joined(separator: " or Settings.")) is required for this connector")
        }
        for group in together where group.contains(where: { !(settings[$0] ?? "").isEmpty }) {
            if let missing = group.first(where: { (settings[$0] ?? "").isEmpty }) {
                throw .invalidParameter("Settings.\(missing) is required with Settings.\(group.filter { $0 != missing }.joined(separator: ", Settings."))")
            }
        }
        for key in urls.sorted() {
            guard let value = settings[key] else { continue }
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                throw .invalidParameter("Settings.\(key) must be an absolute http or https URL")
            }
        }
        for key in integers.sorted() {
            guard let value = settings[key] else { continue }
            guard Int(value) != nil else { throw .invalidParameter("Settings.\(key) must be a whole number") }
        }
    }

    /// `visible` and `sealed` (the stored settings) with `changes` made: secrets sealed, removals removed; the
    /// result checked for completeness, secrets counting as given without being opened.
    public func merge(
        _ changes: [String: String?], visible: [String: String] = [:], sealed: [String: String] = [:], seal: (String) -> String
    ) throws(TwilioError) -> (visible: [String: String], sealed: [String: String]) {
        var visible = visible
        var sealed = sealed
        for (key, value) in changes {
            // An empty secret is no secret: sealing it would make a required key look given.
            if secret.contains(key) { sealed[key] = value.flatMap { $0.isEmpty ? nil : seal($0) } } else { visible[key] = value }
        }
        try check(visible.merging(sealed) { shown, _ in shown })
        return (visible, sealed)
    }
}

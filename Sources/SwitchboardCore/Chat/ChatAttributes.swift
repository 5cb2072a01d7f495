import Foundation

/// Chat keeps `attributes` as the JSON text the client sent; these read and change it without losing other keys.
public enum ChatAttributes {
    /// Checks that `text` is a JSON object within `TextLimit.attributes`, as Chat requires of attributes; throws
    /// 20001 naming the parameter otherwise. The shared reader bounds nesting, so no document can exhaust the stack.
    public static func check(_ text: String, name: String = "Attributes") throws(TwilioError) {
        try AttributeValue.checkAttributes(text, parameter: name)
    }

    /// The string value of `key` in the JSON object `text`, if there is one.
    public static func string(_ key: String, in text: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?[key] as? String
    }

    /// `text` with `key` set to `value`, other keys kept; a text that is no object becomes one.
    public static func setting(_ key: String, to value: String, in text: String) -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
        object[key] = value
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

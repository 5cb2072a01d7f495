import Foundation
import SwitchboardCore

extension JSONValue {
    /// A parsed JSON document as a wire value, object keys sorted. `JSONValue` has no fractional numbers, so a
    /// non-integral number is written as its decimal text; Twilio's echoed JSON (channels, content types) holds
    /// strings and integers in practice.
    static func from(_ value: AttributeValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): number.rounded() == number && abs(number) < 9e15 ? .int(Int(number)) : .string(String(number))
        case .string(let text): .string(text)
        case .array(let values): .array(values.map { from($0) })
        case .object(let members): .object(members.keys.sorted().map { ($0, from(members[$0] ?? .null)) })
        }
    }

    /// JSON text stored by Switchboard as a wire value; text that no longer parses is passed on as a string.
    static func from(jsonText text: String) -> JSONValue {
        (try? AttributeValue.parse(json: text)).map(from) ?? .string(text)
    }
}

/// URLs of one Twilio domain built from the base URL a client reached another through, in either addressing mode.
enum SiblingDomain {
    /// `base` (`…/flex-api` or `https://flex-api.…`) rewritten for `target`.
    static func url(_ base: String, from source: TwilioDomain, to target: TwilioDomain) -> String {
        let suffix = "/" + source.rawValue
        if base.hasSuffix(suffix) { return String(base.dropLast(suffix.count)) + "/" + target.rawValue }
        if let range = base.range(of: "://" + source.rawValue + ".") {
            return base.replacingCharacters(in: range, with: "://" + target.rawValue + ".")
        }
        return base
    }
}

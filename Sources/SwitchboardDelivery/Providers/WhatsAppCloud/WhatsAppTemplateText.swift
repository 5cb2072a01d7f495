import Foundation
import SwitchboardCore

/// A Content template's body as WhatsApp takes it: Meta numbers its parameters `{{1}}`, `{{2}}`… in order, while a
/// Content body may name them (`{{first_name}}`). Both the submission for approval and every send number them the
/// same way, by first appearance in the body, so a parameter always lands in its place.
struct WhatsAppTemplateText: Sendable, Equatable {
    /// The body with each placeholder renumbered by first appearance.
    let text: String
    /// The Content placeholder names, in that order: the n-th is Meta's `{{n}}`.
    let placeholders: [String]

    /// Reads `body`.
    init(_ body: String) {
        var names: [String] = []
        var output = ""
        var rest = Substring(body)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !names.contains(name) { names.append(name) }
            output += "{{\(names.firstIndex(of: name)! + 1)}}"
            rest = rest[close.upperBound...]
        }
        text = output + rest
        placeholders = names
    }

    /// The text of a Content type WhatsApp templates can carry (`twilio/text`, `twilio/quick-reply`), and that
    /// type's name; `nil` for other types.
    static func body(of template: ContentTemplate) -> (type: String, body: String, types: AttributeValue)? {
        guard let types = try? AttributeValue.parse(json: template.types) else { return nil }
        for type in ["twilio/text", "twilio/quick-reply"] {
            if let body = types[member: type]?[member: "body"]?.stringValue { return (type, body, types) }
        }
        return nil
    }

    /// The value of each placeholder, from `variables` (the message's `ContentVariables`) or the template's
    /// defaults; `nil` when one has neither.
    func values(variables: String?, defaults: String) -> [String]? {
        let given = variables.flatMap { $0.isEmpty ? nil : try? AttributeValue.parse(json: $0) } ?? .emptyObject
        let fallback = (try? AttributeValue.parse(json: defaults)) ?? .emptyObject
        var values: [String] = []
        for name in placeholders {
            guard let value = given[member: name] ?? fallback[member: name] else { return nil }
            switch value {
            case .string(let text): values.append(text)
            case .number, .bool: values.append(value.jsonText)
            default: return nil
            }
        }
        return values
    }
}

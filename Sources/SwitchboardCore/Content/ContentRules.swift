public import Foundation

/// Twilio's rules for Content templates: what a create must hold, and how a template becomes the text a customer reads.
public enum ContentRules {
    /// The types Switchboard renders.
    public static let supportedTypes: Set<String> = ["twilio/text", "twilio/quick-reply", "twilio/call-to-action", "twilio/media"]

    /// 21655: a `ContentSid` names no template of this account, on Messages and Conversations alike.
    public static let invalidContentSid = TwilioError(code: 21655, message: "The ContentSid is Invalid.", httpStatus: 400)

    /// 92009: Twilio lets a template change only until it is submitted for WhatsApp approval; after that a new one
    /// must be created.
    public static let alreadySubmitted = TwilioError(
        code: 92009, message: "The template associated with this SID has already been submitted for approval. Please recreate a new template to make any changes.",
        httpStatus: 400)

    /// Builds a template from the JSON body of `POST /v1/Content`.
    public static func create(json text: String, sid: String, accountSid: String, now: Date) throws(TwilioError) -> ContentTemplate {
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        let types = try checkedTypes(body)
        let variables = try checkedVariables(body[member: "variables"] ?? .emptyObject)
        guard let language = body[member: "language"]?.stringValue, !language.isEmpty else { throw .missingParameter("language") }
        return ContentTemplate(
            sid: sid, accountSid: accountSid, friendlyName: body[member: "friendly_name"]?.stringValue ?? "", language: language,
            variables: variables.jsonText, types: types.jsonText, dateCreated: now, dateUpdated: now)
    }

    /// Applies the JSON body of `PUT /v1/Content/{Sid}`: `types` replaces the template's types; `friendly_name`,
    /// `language` and `variables` change only when given (helper libraries send the ones left out as null).
    /// A template already submitted for approval cannot change (92009).
    public static func update(_ template: ContentTemplate, json text: String, now: Date) throws(TwilioError) -> ContentTemplate {
        guard template.approvalStatus == .unsubmitted else { throw alreadySubmitted }
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        var updated = template
        updated.types = try checkedTypes(body).jsonText
        if let variables = body[member: "variables"], variables != .null { updated.variables = try checkedVariables(variables).jsonText }
        if let language = body[member: "language"], language != .null {
            guard let text = language.stringValue, !text.isEmpty else { throw .invalidParameter("language must be a language code") }
            updated.language = text
        }
        if let name = body[member: "friendly_name"], name != .null {
            guard let text = name.stringValue else { throw .invalidParameter("friendly_name must be a string") }
            updated.friendlyName = text
        }
        updated.dateUpdated = now
        return updated
    }

    /// The request's `types`, without the ones sent as null; each must be a type Switchboard renders, with a body.
    static func checkedTypes(_ body: AttributeValue) throws(TwilioError) -> AttributeValue {
        // Helper libraries send every type they know, the unused ones as null.
        guard case .object(let given)? = body[member: "types"] else {
            throw .invalidParameter("types is required and must name at least one content type")
        }
        let members = given.filter { $0.value != .null }
        guard !members.isEmpty else { throw .invalidParameter("types is required and must name at least one content type") }
        for (name, definition) in members {
            guard supportedTypes.contains(name) else { throw .invalidParameter("Content type \(name) is not supported") }
            guard definition[member: "body"]?.stringValue != nil else { throw .invalidParameter("\(name) needs a body") }
        }
        return AttributeValue.object(members)
    }

    /// `variables`, which must be a JSON object of default values.
    static func checkedVariables(_ variables: AttributeValue) throws(TwilioError) -> AttributeValue {
        guard case .object = variables else { throw .invalidParameter("variables must be a JSON object") }
        return variables
    }

    /// Submits the template for WhatsApp approval. The sandbox decides at once: approved, unless the request's name
    /// asks for a rejection (it contains `reject`), so tests can exercise both answers.
    public static func submitForApproval(_ template: ContentTemplate, json text: String, now: Date) throws(TwilioError) -> ContentTemplate {
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        guard let name = body[member: "name"]?.stringValue, !name.isEmpty else { throw .missingParameter("name") }
        guard let category = body[member: "category"]?.stringValue, !category.isEmpty else { throw .missingParameter("category") }
        var submitted = template
        submitted.approvalName = name
        submitted.approvalCategory = category
        if name.lowercased().contains("reject") {
            submitted.approvalStatus = .rejected
            submitted.rejectionReason = "Rejected by the Switchboard sandbox because the name asks for it"
        } else {
            submitted.approvalStatus = .approved
            submitted.rejectionReason = ""
        }
        submitted.dateUpdated = now
        return submitted
    }

    /// The text a customer receives: the body of the template's first text-bearing type, with `{{name}}` placeholders
    /// replaced by `variables`, else by the template's defaults. A placeholder with neither is refused with 21656.
    public static func render(_ template: ContentTemplate, variables variablesText: String?) throws(TwilioError) -> String {
        let types = try AttributeValue.parse(json: template.types)
        let order = ["twilio/text", "twilio/quick-reply", "twilio/call-to-action", "twilio/media"]
        guard let body = order.lazy.compactMap({ types[member: $0]?[member: "body"]?.stringValue }).first else {
            throw .invalidParameter("Content \(template.sid) has no text to send")
        }
        let defaults = try AttributeValue.parse(json: template.variables)
        let given: AttributeValue
        if let variablesText, !variablesText.isEmpty {
            guard let parsed = try? AttributeValue.parseAttributes(variablesText) else {
                throw TwilioError(code: 21656, message: "The ContentVariables Parameter is invalid.", httpStatus: 400)
            }
            given = parsed
        } else {
            given = .emptyObject
        }
        var output = ""
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { output += rest[open.lowerBound...]; rest = ""; break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = given[member: name] ?? defaults[member: name], let text = scalarText(value) else {
                throw TwilioError(code: 21656, message: "The ContentVariables Parameter is invalid: no value for {{\(name)}}.", httpStatus: 400)
            }
            output += text
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    static func scalarText(_ value: AttributeValue) -> String? {
        switch value {
        case .string(let text): text
        case .number, .bool: value.jsonText
        default: nil
        }
    }
}

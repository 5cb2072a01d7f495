import SwitchboardCore

/// The JSON of Content templates (`content.v1.content`) and their approvals (`content.v1.content.approval_fetch`).
enum ContentRepresentation {
    static func json(_ template: ContentTemplate, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Content/" + template.sid
        return .object([
            ("date_created", .string(WireDate.iso8601(template.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(template.dateUpdated))),
            ("sid", .string(template.sid)),
            ("account_sid", .string(template.accountSid)),
            ("friendly_name", .string(template.friendlyName)),
            ("language", .string(template.language)),
            ("variables", JSONValue.from(jsonText: template.variables)),
            ("types", JSONValue.from(jsonText: template.types)),
            ("url", .string(url)),
            ("links", .object([
                ("approval_create", .string(url + "/ApprovalRequests/whatsapp")),
                ("approval_fetch", .string(url + "/ApprovalRequests")),
            ])),
        ])
    }

    /// The WhatsApp approval request as `POST …/ApprovalRequests/whatsapp` answers it.
    static func approval(_ template: ContentTemplate) -> JSONValue {
        .object([
            ("name", .string(template.approvalName ?? "")),
            ("category", .string(template.approvalCategory ?? "")),
            ("content_type", .string(primaryType(template))),
            ("status", .string(template.approvalStatus.rawValue)),
            ("rejection_reason", .string(template.rejectionReason)),
            ("allow_category_change", .bool(true)),
        ])
    }

    /// `GET …/ApprovalRequests`.
    static func approvalFetch(_ template: ContentTemplate, baseURL: String) -> JSONValue {
        guard case .object(let members) = approval(template) else { return .null }
        return .object([
            ("sid", .string(template.sid)),
            ("account_sid", .string(template.accountSid)),
            ("whatsapp", .object([("type", .string("whatsapp"))] + members)),
            ("url", .string(baseURL + "/v1/Content/" + template.sid + "/ApprovalRequests")),
        ])
    }

    /// A template in `GET /v1/ContentAndApprovals` (`content.v1.content_and_approvals`): no links, and its WhatsApp
    /// approval request inline, whose name, category and type stay empty until it is submitted.
    static func withApprovals(_ template: ContentTemplate) -> JSONValue {
        let submitted = template.approvalStatus != .unsubmitted
        return .object([
            ("date_created", .string(WireDate.iso8601(template.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(template.dateUpdated))),
            ("sid", .string(template.sid)),
            ("account_sid", .string(template.accountSid)),
            ("friendly_name", .string(template.friendlyName)),
            ("language", .string(template.language)),
            ("variables", JSONValue.from(jsonText: template.variables)),
            ("types", JSONValue.from(jsonText: template.types)),
            ("approval_requests", .object([
                ("name", .string(template.approvalName ?? "")),
                ("category", .string(template.approvalCategory ?? "")),
                ("content_type", .string(submitted ? primaryType(template) : "")),
                ("status", .string(template.approvalStatus.rawValue)),
                ("rejection_reason", .string(template.rejectionReason)),
                ("allow_category_change", .bool(true)),
            ])),
        ])
    }

    static func primaryType(_ template: ContentTemplate) -> String {
        guard let types = try? AttributeValue.parse(json: template.types), case .object(let members) = types else { return "" }
        return members.keys.sorted().first ?? ""
    }
}

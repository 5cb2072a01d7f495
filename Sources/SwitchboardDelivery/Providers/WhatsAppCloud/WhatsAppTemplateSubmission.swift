import Foundation
public import SwitchboardCore

/// A Content template as `POST {graph}/{version}/{waba_id}/message_templates` takes it: its approval name,
/// language and category, a `BODY` component with Meta's numbered placeholders and an example value for each
/// (the template's default, else the placeholder's name), and a `BUTTONS` component for quick replies.
enum WhatsAppTemplateSubmission {
    /// The request body for `template`; `nil` when it is no type WhatsApp templates carry.
    static func body(for template: ContentTemplate) -> [String: Any]? {
        guard let content = WhatsAppTemplateText.body(of: template) else { return nil }
        let text = WhatsAppTemplateText(content.body)
        var bodyComponent: [String: Any] = ["type": "BODY", "text": text.text]
        if !text.placeholders.isEmpty {
            let defaults = (try? AttributeValue.parse(json: template.variables)) ?? .emptyObject
            let examples = text.placeholders.map { name -> String in
                switch defaults[member: name] {
                case .string(let value)?: value
                case let value? where value.isScalar: value.jsonText
                default: name
                }
            }
            bodyComponent["example"] = ["body_text": [examples]]
        }
        var components: [[String: Any]] = [bodyComponent]
        if content.type == "twilio/quick-reply", case .array(let actions)? = content.types[member: "twilio/quick-reply"]?[member: "actions"] {
            let buttons = actions.compactMap { $0[member: "title"]?.stringValue }.map { ["type": "QUICK_REPLY", "text": $0] }
            if !buttons.isEmpty { components.append(["type": "BUTTONS", "buttons": buttons]) }
        }
        return [
            "name": WhatsAppOutboundMessage.templateName(template),
            "language": template.language,
            "category": (template.approvalCategory ?? "UTILITY").uppercased(),
            "components": components,
        ]
    }

    /// Meta's answer (`{id, status, category}`) as a submission, or the error to answer the API request with.
    static func submission(for result: WebhookResult) throws(TwilioError) -> TemplateSubmission {
        let unreachable = { (detail: String) in
            TwilioError(code: 20503, message: "WhatsApp could not take the template for approval now (\(detail)); try again", httpStatus: 503)
        }
        switch ProviderReply(result, provider: "the Graph API") {
        case .notAllowed(let reason):
            throw TwilioError(code: 20001, message: "The WhatsApp sender's graph_url cannot be reached: \(reason)", httpStatus: 400)
        case .unreachable(let reason):
            throw unreachable(reason)
        case .answered(let status, let body):
            if (200..<300).contains(status) {
                let object = (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
                let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue
                let state: ContentApprovalStatus = switch (object["status"] as? String)?.uppercased() {
                case "APPROVED": .approved
                case "REJECTED": .rejected
                default: .pending
                }
                return TemplateSubmission(providerTemplateID: id, status: state)
            }
            let error = WhatsAppGraphError(answer: body) ?? WhatsAppGraphError(code: nil, message: "HTTP \(status)")
            if ProviderReply.isTemporary(status) || WhatsAppErrorMapping.isRetried(error.code) { throw unreachable(error.quoted) }
            if error.code == 190 {
                throw TwilioError(code: 20001, message: "The WhatsApp sender's access token is invalid or has expired; set a new access_token in its Settings (\(error.quoted))", httpStatus: 400)
            }
            throw TwilioError(code: 20001, message: "WhatsApp refused the template (\(error.quoted))", httpStatus: 400)
        }
    }
}

extension WhatsAppCloudConnector: TemplateApprovalProvider {
    /// A WhatsApp Cloud sender submits templates when it names its WhatsApp Business Account (`waba_id`).
    public func submitsTemplates(_ sender: Sender) -> Bool {
        sender.connector == .whatsappCloud && !(sender.settings["waba_id"] ?? "").isEmpty
    }

    /// `POST {graph}/{version}/{waba_id}/message_templates`.
    public func submitForApproval(_ template: ContentTemplate, from sender: ConfiguredSender) async throws(TwilioError) -> TemplateSubmission {
        guard let wabaID = sender.setting("waba_id"), !wabaID.isEmpty else {
            throw .invalidParameter("The WhatsApp sender \(sender.sender.sid) has no waba_id setting")
        }
        guard let body = WhatsAppTemplateSubmission.body(for: template) else {
            throw .invalidParameter("Only twilio/text and twilio/quick-reply templates can be submitted for WhatsApp approval")
        }
        let endpoint = WhatsAppCloudEndpoint(sender)
        return try WhatsAppTemplateSubmission.submission(for: await transport.send(endpoint.post(endpoint.url(node: wabaID, edge: "message_templates"), json: body)))
    }
}

public import struct Foundation.Date

/// An account's Flex configuration (`/v1/Configuration` on `flex-api`): what clients set through `POST`, kept as the
/// JSON values they sent, key by key. What Switchboard itself knows (the account, the Flex workspace and chat service,
/// the status, the dates) is answered beside it and never stored.
public struct FlexConfiguration: Sendable, Equatable {
    /// The owning account.
    public var accountSid: String
    /// The settable properties a client sent, by their snake_case names.
    public var settings: [String: AttributeValue]
    /// When it was first set.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a configuration value.
    public init(accountSid: String, settings: [String: AttributeValue], dateCreated: Date, dateUpdated: Date) {
        self.accountSid = accountSid
        self.settings = settings
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// The rules of a Flex configuration update.
public enum FlexConfigurationRules {
    /// The JSON type a settable property must have.
    public enum Kind: Sendable, Equatable {
        /// A string.
        case string
        /// `true` or `false`.
        case boolean
        /// An array.
        case array
        /// An array of strings.
        case strings
        /// Any JSON value (Twilio's schema leaves these untyped: objects in practice).
        case any
    }

    /// Every property of `flex.v1.configuration` a client may set, with its type. The rest (`account_sid`, the dates,
    /// `status`, `url`, `flex_instance_sid`, `service_version`, `runtime_domain`, `flex_url`) are Switchboard's to answer.
    public static let settable: [String: Kind] = [
        "attributes": .any, "taskrouter_workspace_sid": .string, "taskrouter_target_workflow_sid": .string,
        "taskrouter_target_taskqueue_sid": .string, "taskrouter_taskqueues": .array, "taskrouter_skills": .array,
        "taskrouter_worker_channels": .any, "taskrouter_worker_attributes": .any, "taskrouter_offline_activity_sid": .string,
        "messaging_service_instance_sid": .string, "chat_service_instance_sid": .string, "flex_service_instance_sid": .string,
        "ui_language": .string, "ui_attributes": .any, "ui_dependencies": .any, "ui_version": .string,
        "call_recording_enabled": .boolean, "call_recording_webhook_url": .string, "crm_enabled": .boolean, "crm_type": .string,
        "crm_callback_url": .string, "crm_fallback_url": .string, "crm_attributes": .any, "public_attributes": .any,
        "plugin_service_enabled": .boolean, "plugin_service_attributes": .any, "integrations": .array, "outbound_call_flows": .any,
        "serverless_service_sids": .strings, "queue_stats_configuration": .any, "notifications": .any, "markdown": .any,
        "flex_insights_hr": .any, "flex_insights_drilldown": .boolean, "channel_configs": .array, "debugger_integration": .any,
        "flex_ui_status_report": .any, "agent_conv_end_methods": .any, "citrix_voice_vdi": .any, "offline_config": .any,
    ]

    /// The SID-valued settings and the prefix each must carry.
    static let sidPrefixes: [String: String] = [
        "taskrouter_workspace_sid": "WS", "taskrouter_target_workflow_sid": "WW", "taskrouter_target_taskqueue_sid": "WQ",
        "taskrouter_offline_activity_sid": "WA", "messaging_service_instance_sid": "MG", "chat_service_instance_sid": "IS",
        "flex_service_instance_sid": "IS",
    ]

    /// The settings of a `POST` JSON body: a JSON object whose settable keys have their types (`null` clears one);
    /// keys Switchboard answers itself, and keys Twilio's schema does not have, are ignored as Twilio ignores them.
    public static func changes(json text: String) throws(TwilioError) -> [String: AttributeValue] {
        try TextLimit.attributes.check(text, parameter: "request body")
        let body = try AttributeValue.parseAttributes(text, parameter: "request body")
        guard case .object(let members) = body else { return [:] }
        var changes: [String: AttributeValue] = [:]
        for (key, value) in members {
            guard let kind = settable[key] else { continue }
            if value != .null { try check(value, as: kind, key: key) }
            changes[key] = value
        }
        return changes
    }

    /// `configuration` with `changes` applied: each key replaced whole, `null` removing it.
    public static func applying(_ changes: [String: AttributeValue], to configuration: FlexConfiguration, now: Date) -> FlexConfiguration {
        var updated = configuration
        for (key, value) in changes { updated.settings[key] = value == .null ? nil : value }
        updated.dateUpdated = now
        return updated
    }

    static func check(_ value: AttributeValue, as kind: Kind, key: String) throws(TwilioError) {
        let fits: Bool
        switch (kind, value) {
        case (.string, .string(let text)):
            if let prefix = sidPrefixes[key], !text.isEmpty {
                try FlexFlowRules.checkReference(text, prefix: prefix, name: key)
            }
            fits = true
        case (.boolean, .bool), (.array, .array), (.any, _): fits = true
        case (.strings, .array(let items)): fits = items.allSatisfy { $0.stringValue != nil }
        default: fits = false
        }
        guard fits else {
            let expected = switch kind {
            case .string: "a string"
            case .boolean: "true or false"
            case .array: "an array"
            case .strings: "an array of strings"
            case .any: "JSON"
            }
            throw .invalidParameter("\(key) must be \(expected)")
        }
    }
}

import SwitchboardCore

/// The JSON of a Flex Flow, with exactly the properties of `flex.v1.flex_flow`.
enum FlexFlowRepresentation {
    static func json(_ flow: FlexFlow, baseURL: String) -> JSONValue {
        .object([
            ("sid", .string(flow.sid)),
            ("account_sid", .string(flow.accountSid)),
            ("date_created", .string(WireDate.iso8601(flow.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(flow.dateUpdated))),
            ("friendly_name", .string(flow.friendlyName)),
            ("chat_service_sid", .string(flow.chatServiceSid)),
            ("channel_type", .string(flow.channelType.rawValue)),
            ("contact_identity", .string(flow.contactIdentity)),
            ("enabled", .bool(flow.enabled)),
            ("integration_type", .string(flow.integration.type.rawValue)),
            ("integration", integration(flow.integration)),
            ("long_lived", .bool(flow.longLived)),
            ("janitor_enabled", .bool(flow.janitorEnabled)),
            ("url", .string(baseURL + "/v1/FlexFlows/" + flow.sid)),
        ])
    }

    /// The settings that apply to the integration's type, as Twilio returns them.
    static func integration(_ integration: FlexFlowIntegration) -> JSONValue {
        switch integration {
        case .studio(let flowSid, let retryCount):
            .object([("flow_sid", .string(flowSid)), ("retry_count", .int(retryCount))])
        case .external(let url, let retryCount):
            .object([("url", .string(url)), ("retry_count", .int(retryCount))])
        case .task(let task):
            .object([
                ("workspace_sid", .string(task.workspaceSid)),
                ("workflow_sid", .string(task.workflowSid)),
                ("channel", .string(task.channel)),
                ("timeout", .int(task.timeout)),
                ("priority", .int(task.priority)),
                ("creation_on_message", .bool(task.creationOnMessage)),
            ])
        }
    }
}

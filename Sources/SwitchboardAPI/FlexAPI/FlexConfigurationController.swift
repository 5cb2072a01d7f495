public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Configuration` on `flex-api`: the account's Flex configuration. `POST` takes a JSON body, as Twilio's does, and
/// stores what a client may set; every answer carries every property of `flex.v1.configuration`, with what Switchboard
/// knows itself (the account, its Flex workspace and chat service) where the client set nothing.
public struct FlexConfigurationController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Configuration", use: fetch)
        routes.post("Configuration", use: update)
        return routes
    }

    /// `UiVersion` pins the UI version the answer reports; Switchboard keeps one configuration, so only that field follows it.
    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try context.requirePrincipal().account
        let uiVersion = request.uri.queryParameters.get("UiVersion").flatMap { $0.isEmpty ? nil : $0 }
        let (stored, known) = try await dependencies.storage.read { session in
            (try await session.flexConfigurations.find(accountSid: account.sid), try await KnownFlexSetup.load(accountSid: account.sid, session: session))
        }
        let configuration = stored ?? FlexConfiguration(accountSid: account.sid, settings: [:], dateCreated: account.dateCreated, dateUpdated: account.dateCreated)
        return JSONResponse.make(Self.json(configuration, known: known, uiVersion: uiVersion, baseURL: context.domainBaseURL))
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let changes = try FlexConfigurationRules.changes(json: try await ContentController.jsonBody(request, context: context))
        let account = try context.requirePrincipal().account
        let now = dependencies.time.now()
        let (configuration, known) = try await dependencies.storage.write { session in
            let current = try await session.flexConfigurations.find(accountSid: account.sid)
                ?? FlexConfiguration(accountSid: account.sid, settings: [:], dateCreated: now, dateUpdated: now)
            let updated = FlexConfigurationRules.applying(changes, to: current, now: now)
            try await session.flexConfigurations.save(updated)
            return (updated, try await KnownFlexSetup.load(accountSid: account.sid, session: session))
        }
        return JSONResponse.make(Self.json(configuration, known: known, uiVersion: nil, baseURL: context.domainBaseURL))
    }

    /// `flex.v1.configuration`, every property in the schema's order.
    static func json(_ configuration: FlexConfiguration, known: KnownFlexSetup, uiVersion: String?, baseURL: String) -> JSONValue {
        let settings = configuration.settings
        func value(_ key: String) -> JSONValue { settings[key].map(JSONValue.from) ?? .null }
        func sid(_ key: String, or fallback: String?) -> JSONValue { settings[key].map(JSONValue.from) ?? .string(fallback) }
        let workspaceSid = settings["taskrouter_workspace_sid"]?.stringValue ?? known.workspaceSid
        return .object([
            ("account_sid", .string(configuration.accountSid)),
            ("date_created", .string(WireDate.iso8601(configuration.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(configuration.dateUpdated))),
            ("attributes", value("attributes")),
            // Flex is set up once the account has a workspace for it.
            ("status", .string(workspaceSid == nil ? "notstarted" : "ok")),
            ("taskrouter_workspace_sid", .string(workspaceSid)),
            ("taskrouter_target_workflow_sid", sid("taskrouter_target_workflow_sid", or: known.workflowSid)),
            ("taskrouter_target_taskqueue_sid", value("taskrouter_target_taskqueue_sid")),
            ("taskrouter_taskqueues", value("taskrouter_taskqueues")),
            ("taskrouter_skills", value("taskrouter_skills")),
            ("taskrouter_worker_channels", value("taskrouter_worker_channels")),
            ("taskrouter_worker_attributes", value("taskrouter_worker_attributes")),
            ("taskrouter_offline_activity_sid", sid("taskrouter_offline_activity_sid", or: known.offlineActivitySid)),
            ("runtime_domain", .null),
            ("messaging_service_instance_sid", value("messaging_service_instance_sid")),
            ("chat_service_instance_sid", sid("chat_service_instance_sid", or: known.chatServiceSid)),
            // Flex's own chat service is the one its flows use.
            ("flex_service_instance_sid", sid("flex_service_instance_sid", or: known.chatServiceSid)),
            ("flex_instance_sid", .null),
            ("ui_language", value("ui_language")),
            ("ui_attributes", value("ui_attributes")),
            ("ui_dependencies", value("ui_dependencies")),
            ("ui_version", uiVersion.map(JSONValue.string) ?? value("ui_version")),
            ("service_version", .string(SwitchboardVersion.current)),
            ("call_recording_enabled", value("call_recording_enabled")),
            ("call_recording_webhook_url", value("call_recording_webhook_url")),
            ("crm_enabled", value("crm_enabled")),
            ("crm_type", value("crm_type")),
            ("crm_callback_url", value("crm_callback_url")),
            ("crm_fallback_url", value("crm_fallback_url")),
            ("crm_attributes", value("crm_attributes")),
            ("public_attributes", value("public_attributes")),
            ("plugin_service_enabled", value("plugin_service_enabled")),
            ("plugin_service_attributes", value("plugin_service_attributes")),
            ("integrations", value("integrations")),
            ("outbound_call_flows", value("outbound_call_flows")),
            ("serverless_service_sids", value("serverless_service_sids")),
            ("queue_stats_configuration", value("queue_stats_configuration")),
            ("notifications", value("notifications")),
            ("markdown", value("markdown")),
            ("url", .string(baseURL + "/v1/Configuration")),
            ("flex_insights_hr", value("flex_insights_hr")),
            ("flex_insights_drilldown", value("flex_insights_drilldown")),
            ("flex_url", .null),
            ("channel_configs", value("channel_configs")),
            ("debugger_integration", value("debugger_integration")),
            ("flex_ui_status_report", value("flex_ui_status_report")),
            ("agent_conv_end_methods", value("agent_conv_end_methods")),
            ("citrix_voice_vdi", value("citrix_voice_vdi")),
            ("offline_config", value("offline_config")),
        ])
    }
}

/// What the account's own resources say about its Flex setup: the workspace, workflow and chat service of its oldest
/// Flex Flow with a `task` integration (the chat service of its oldest flow of any kind), and that workspace's
/// `Offline` activity.
struct KnownFlexSetup: Sendable {
    /// The Flex workspace.
    var workspaceSid: String?
    /// The workflow Flex's tasks enter.
    var workflowSid: String?
    /// Flex's chat service.
    var chatServiceSid: String?
    /// The workspace's `Offline` activity.
    var offlineActivitySid: String?

    /// Reads it from the account's Flex Flows.
    static func load(accountSid: String, session: any StorageSession) async throws -> KnownFlexSetup {
        let flows = try await session.flexFlows.list(accountSid: accountSid, friendlyName: nil, page: PageRequest(size: 50)).items
        var known = KnownFlexSetup(chatServiceSid: flows.first?.chatServiceSid)
        for flow in flows {
            guard case .task(let integration) = flow.integration,
                  try await session.workspaces.find(sid: integration.workspaceSid, accountSid: accountSid) != nil
            else { continue }
            known.workspaceSid = integration.workspaceSid
            known.workflowSid = integration.workflowSid
            known.chatServiceSid = flow.chatServiceSid
            known.offlineActivitySid = try await session.activities.list(
                workspaceSid: integration.workspaceSid, friendlyName: "Offline", available: nil, page: PageRequest(size: 1)).items.first?.sid
            break
        }
        return known
    }
}

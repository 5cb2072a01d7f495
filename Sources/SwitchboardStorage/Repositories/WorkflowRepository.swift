public import SwitchboardCore

/// The workflows of workspaces.
public protocol WorkflowRepository: Sendable {
    /// Stores a new workflow.
    func insert(_ workflow: Workflow) async throws
    /// The workflow with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> Workflow?
    /// The workspace's workflows, optionally only those with this name.
    func list(workspaceSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<Workflow>
    /// A workflow of the workspace whose configuration routes to the queue, if any.
    func routing(toQueue queueSid: String, workspaceSid: String) async throws -> Workflow?
    /// Saves an existing workflow.
    func update(_ workflow: Workflow) async throws
    /// Removes the workflow; `false` when the workspace has no such workflow.
    func delete(sid: String, workspaceSid: String) async throws -> Bool
}

import Foundation
import SwitchboardCore
import SwitchboardStorage

/// What a workspace `Template` adds beyond the defaults every workspace gets.
enum WorkspaceTemplating {
    static func apply(
        _ template: WorkspaceTemplate, to workspace: Workspace, activities: [Activity], session: any StorageSession,
        sids: any SidGenerator, now: Date
    ) async throws {
        switch template {
        case .none:
            return
        case .fifo:
            throw TwilioError.invalidParameter("Template FIFO is not available yet; create the workspace with Template NONE")
        }
    }
}

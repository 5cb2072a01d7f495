public import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// How a task ended.
public enum TaskEnd: String, Sendable {
    /// Its work was done.
    case completed
    /// It was canceled: by the API, its TTL, or its workflow.
    case canceled
    /// It was deleted.
    case deleted

    /// The end a terminal status means; `nil` for a live task.
    public init?(_ status: TaskAssignmentStatus) {
        switch status {
        case .completed: self = .completed
        case .canceled: self = .canceled
        default: return nil
        }
    }
}

/// Hears of every task that ends, inside the transaction that ends it, so what it changes commits with the end
/// or not at all: how Flex's janitor closes the Proxy session and chat channel of a finished task.
public protocol TaskLifecycleObserver: Sendable {
    /// `task` has just ended `how`; runs in the ending transaction.
    func taskEnded(_ task: TaskRouterTask, _ how: TaskEnd, in session: any StorageSession, now: Date) async throws
}

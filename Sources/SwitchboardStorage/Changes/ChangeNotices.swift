import Synchronization

/// The process's bus of committed changes, and whether it hears every change to the database.
///
/// In one process, units of work publish here after their commit. When other processes write the same database
/// (PostgreSQL), their changes arrive through a ``PostgresChangeListener``; while it is not listening, `isComplete`
/// is `false` and caches must neither answer from nor fill themselves, since a change could go unheard.
public final class ChangeNotices: Sendable {
    private struct State {
        var observers: [any ChangeObserver] = []
        var isComplete: Bool
        /// How to wait for other processes' changes still on their way; `nil` when there are none.
        var catchUp: (any ChangeCatchUp)?
    }
    private let state: Mutex<State>

    /// A bus that hears every change from the start (`true`: this process is the database's only writer), or only once
    /// a listener has joined (`false`).
    public init(completeFromStart: Bool = true) {
        state = Mutex(State(isComplete: completeFromStart))
    }

    /// Whether every committed change reaches this bus, so copies that heard of none are current.
    public var isComplete: Bool { state.withLock { $0.isComplete } }

    /// Whether copies may answer now: the notices are complete, and every change committed before the call (by any
    /// process) has been published. Notices travel from other processes asynchronously, so without this wait a request
    /// that follows another process's answer could still find a copy that the change's notice has not yet dropped.
    public func catchUp() async -> Bool {
        let (isComplete, catchUp) = state.withLock { ($0.isComplete, $0.catchUp) }
        guard isComplete else { return false }
        guard let catchUp else { return true }
        do {
            try await catchUp.catchUp()
        } catch {
            return false
        }
        return self.isComplete
    }

    /// Adds `observer`, which hears every notice from now on, for the life of the bus.
    public func observe(_ observer: any ChangeObserver) {
        state.withLock { $0.observers.append(observer) }
    }

    /// Tells every observer that `notice`'s rows changed.
    public func publish(_ notice: ChangeNotice) {
        for observer in observers() { observer.changed(notice) }
    }

    /// Changes may go unheard from now on (the listener lost its connection): every copy is dropped, and none is kept
    /// until ``resumeCompleteness()``.
    public func loseCompleteness() {
        let observers = state.withLock { state in
            state.isComplete = false
            state.catchUp = nil
            return state.observers
        }
        for observer in observers { observer.everythingMayHaveChanged() }
    }

    /// Every change is heard again, and `catchUp` waits for those still on their way. Copies are dropped once more,
    /// since changes made while nobody listened were missed.
    public func resumeCompleteness(catchUp: (any ChangeCatchUp)? = nil) {
        let observers = state.withLock { state in
            state.isComplete = true
            state.catchUp = catchUp
            return state.observers
        }
        for observer in observers { observer.everythingMayHaveChanged() }
    }

    private func observers() -> [any ChangeObserver] {
        state.withLock { $0.observers }
    }
}

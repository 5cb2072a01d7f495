/// Which workers a worker list returns; every filter set must hold.
public struct WorkerFilter: Sendable, Equatable {
    /// Only workers with this friendly name.
    public var friendlyName: String?
    /// Only workers in one of these activities.
    public var activitySids: [String]?
    /// Only these workers, as chosen by an expression evaluated outside the database.
    public var workerSids: [String]?

    /// No filtering.
    public init(friendlyName: String? = nil, activitySids: [String]? = nil, workerSids: [String]? = nil) {
        self.friendlyName = friendlyName
        self.activitySids = activitySids
        self.workerSids = workerSids
    }
}

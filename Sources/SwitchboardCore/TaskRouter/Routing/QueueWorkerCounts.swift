/// How many of a queue's workers are in each kind of activity: the variables a target's `skip_if` sees
/// (`workers.available`, `workers.unavailable`, `workers.WA…`).
public struct QueueWorkerCounts: Sendable, Equatable {
    /// Workers in an available activity.
    public var available: Int
    /// Workers in an unavailable activity.
    public var unavailable: Int
    /// Workers per activity SID.
    public var byActivity: [String: Int]

    /// Counts from their parts; no workers by default.
    public init(available: Int = 0, unavailable: Int = 0, byActivity: [String: Int] = [:]) {
        self.available = available
        self.unavailable = unavailable
        self.byActivity = byActivity
    }

    /// The counts of a queue's `members` (worker SIDs), given each worker's activity SID (`activities`) and
    /// whether each activity is an available one (`availability`). A worker whose activity is not known is not
    /// counted, and an activity missing from `availability` counts as unavailable.
    public init(members: some Sequence<String>, activities: [String: String], availability: [String: Bool]) {
        self.init()
        for member in members {
            guard let activitySid = activities[member] else { continue }
            add(activitySid: activitySid, available: availability[activitySid] ?? false)
        }
    }

    /// Counts one more worker in `activitySid`.
    public mutating func add(activitySid: String, available isAvailable: Bool) {
        if isAvailable { available += 1 } else { unavailable += 1 }
        byActivity[activitySid, default: 0] += 1
    }

    /// The counts as a document whose `workers` object an expression reads in the filter scope.
    var document: AttributeValue {
        var workers: [String: AttributeValue] = byActivity.mapValues { .number(Double($0)) }
        workers["available"] = .number(Double(available))
        workers["unavailable"] = .number(Double(unavailable))
        return .object(["workers": .object(workers)])
    }
}

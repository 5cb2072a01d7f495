public import struct Foundation.Date

/// How long workers spent in each activity over a window (`activity_durations`), rebuilt from their recorded
/// activity changes.
///
/// Each `worker.activity.update` event starts a stint in the activity it names, which lasts until the worker's
/// next change, or until now. A worker with no recorded change has been in their current activity since they
/// were created. The stint before a worker's first known change comes from that change's
/// `WorkerPreviousActivitySid` and `WorkerTimeInPreviousActivityMs`. Each stint's overlap with the window is one
/// sample of its activity's `{avg, min, max, total}`.
public enum ActivityDurations {
    /// The event type of an activity change.
    public static let eventType = "worker.activity.update"

    /// The summary of stints per activity SID, for `workers`. `changes` are their activity changes in the
    /// window together with, for each worker, the last one before it (what they were doing as it began);
    /// changes of other workers are ignored.
    public static func compute(workers: [Worker], changes: [TaskRouterEvent], window: StatisticsWindow, now: Date) -> [String: DurationSummary] {
        var byWorker: [String: [StatisticsEvent]] = [:]
        let scoped = Set(workers.map(\.sid))
        for change in changes where change.eventType == eventType {
            let event = StatisticsEvent(change)
            guard let worker = event.workerSid, scoped.contains(worker), event.workerActivitySid != nil else { continue }
            byWorker[worker, default: []].append(event)
        }
        var samples: [String: [Int]] = [:]
        let until = min(now, window.end)
        for worker in workers {
            let timeline = (byWorker[worker.sid] ?? []).sorted { $0.date < $1.date }
            var stints: [(activitySid: String, from: Date, to: Date)] = []
            if let first = timeline.first, let previous = first.workerPreviousActivitySid, let milliseconds = first.workerTimeInPreviousActivityMs {
                stints.append((previous, first.date.addingTimeInterval(-Double(milliseconds) / 1000), first.date))
            }
            for (index, change) in timeline.enumerated() {
                let to = index + 1 < timeline.count ? timeline[index + 1].date : until
                if let activity = change.workerActivitySid { stints.append((activity, change.date, to)) }
            }
            if timeline.isEmpty { stints.append((worker.activitySid, worker.dateCreated, until)) }
            for stint in stints {
                let seconds = window.overlap(from: stint.from, to: stint.to)
                if seconds > 0 { samples[stint.activitySid, default: []].append(seconds) }
            }
        }
        return samples.mapValues(DurationSummary.init)
    }
}

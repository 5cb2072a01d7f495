public import struct Foundation.Date

extension RoutingModel {
    /// Adds a task to those waiting, or replaces what the model holds about it.
    public mutating func upsertWaiting(_ task: WaitingTask) {
        waiting[task.task.sid] = task
    }

    /// Takes a task out of those waiting: it was assigned, canceled, completed or deleted.
    public mutating func removeWaiting(_ taskSid: String) {
        waiting[taskSid] = nil
    }

    /// A reservation of `taskSid` for `workerSid` was committed: it counts against the worker's capacity on
    /// `channel`, the worker is no longer idle, and the task is offered to them.
    public mutating func reservationCreated(taskSid: String, workerSid: String, channel: String, at now: Date) {
        modifyWorker(workerSid) {
            $0.load[channel, default: 0] += 1
            $0.idleSince = now
        }
        waiting[taskSid]?.holders.insert(workerSid)
    }

    /// A pending reservation was answered or withdrawn. An accepted one keeps its load until the task ends
    /// (`taskReleased`); any other frees the worker's room at once. A rejected or timed-out one also keeps the
    /// task from being offered to the worker again until they come back to an available activity.
    public mutating func reservationEnded(taskSid: String, workerSid: String, channel: String, as status: ReservationStatus) {
        waiting[taskSid]?.holders.remove(workerSid)
        switch status {
        case .accepted, .wrapping, .pending:
            return
        case .rejected, .timeout:
            waiting[taskSid]?.excluded.insert(workerSid)
        case .canceled, .rescinded, .completed:
            break
        }
        releaseLoad(ofWorker: workerSid, channel: channel)
    }

    /// An assigned or wrapping task ended: the worker's room on `channel` is free again.
    public mutating func taskReleased(workerSid: String, channel: String) {
        releaseLoad(ofWorker: workerSid, channel: channel)
    }

    /// The worker came back to an available activity: tasks they declined may be offered to them again.
    public mutating func workerReturned(_ workerSid: String) {
        for taskSid in waiting.keys where waiting[taskSid]!.excluded.contains(workerSid) {
            waiting[taskSid]!.excluded.remove(workerSid)
        }
    }

    private mutating func releaseLoad(ofWorker workerSid: String, channel: String) {
        modifyWorker(workerSid) { worker in
            let remaining = max(0, (worker.load[channel] ?? 0) - 1)
            worker.load[channel] = remaining == 0 ? nil : remaining
        }
    }
}

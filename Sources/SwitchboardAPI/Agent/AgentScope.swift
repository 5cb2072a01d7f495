import HTTPTypes

/// Where an Access Token's bearer may go: as its worker, in its workspace, of its account. The one place that
/// decides it, so no controller has to know about agents; the account itself is scoped by every controller already.
enum AgentScope {
    /// What the policy says of one request.
    enum Decision: Equatable {
        /// Go ahead.
        case allowed
        /// Only if the reservation, when it exists, is the worker's.
        case ifReservationOfWorker(taskSid: String, reservationSid: String)
        /// Only if the task was reserved to the worker.
        case ifTaskReservedToWorker(taskSid: String)
        /// 20403, saying why.
        case forbidden(String)
    }

    /// The decision for `method` on `path` (the router's form, `/taskrouter/v1/Workspaces/…`).
    static func decide(method: HTTPRequest.Method, path: String, agent: AgentGrant) -> Decision {
        let segments = path.split(separator: "/").map(String.init)
        guard let domain = segments.first else { return .forbidden(outside(agent)) }
        let rest = Array(segments.dropFirst(2))
        switch domain {
        case "taskrouter":
            return taskRouter(method: method, rest, agent: agent)
        case "conversations", "content", "sandbox":
            return .allowed
        case "flex-api":
            return rest.first == "Interactions" ? .allowed : .forbidden(outside(agent))
        case "switchboard":
            return rest == ["Agent"] || rest == ["Agent", "Events"] ? .allowed : .forbidden(outside(agent))
        default:
            return .forbidden(outside(agent))
        }
    }

    /// TaskRouter, after `/taskrouter/v1`: reads anywhere in the workspace; writes only as the worker.
    static func taskRouter(method: HTTPRequest.Method, _ rest: [String], agent: AgentGrant) -> Decision {
        guard rest.count >= 2, rest[0] == "Workspaces" else { return .forbidden(outside(agent)) }
        guard rest[1] == agent.workspaceSid else {
            return .forbidden("This Access Token is for workspace \(agent.workspaceSid), not \(rest[1])")
        }
        let within = Array(rest.dropFirst(2))
        let reads = method == .get || method == .head
        if within.count >= 3, within[0] == "Workers", within[2] == "Reservations", within[1] != agent.workerSid {
            return .forbidden("This Access Token acts as worker \(agent.workerSid); the reservations of \(within[1]) are not its own")
        }
        if reads { return .allowed }
        guard method == .post else { return .forbidden(readOnly(agent)) }
        switch within.count {
        case 2 where within[0] == "Workers", 4 where within[0] == "Workers" && ["Channels", "Reservations"].contains(within[2]):
            return within[1] == agent.workerSid
                ? .allowed
                : .forbidden("This Access Token acts as worker \(agent.workerSid), not \(within[1])")
        case 2 where within[0] == "Tasks":
            return .ifTaskReservedToWorker(taskSid: within[1])
        case 4 where within[0] == "Tasks" && within[2] == "Reservations":
            return .ifReservationOfWorker(taskSid: within[1], reservationSid: within[3])
        default:
            return .forbidden(readOnly(agent))
        }
    }

    static func outside(_ agent: AgentGrant) -> String {
        "An Access Token for worker \(agent.workerSid) may not use this resource; use the account's credentials"
    }

    static func readOnly(_ agent: AgentGrant) -> String {
        "An Access Token for worker \(agent.workerSid) may read workspace \(agent.workspaceSid) but change only its worker, its reservations and its tasks"
    }
}

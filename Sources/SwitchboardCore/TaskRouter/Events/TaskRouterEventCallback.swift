/// What TaskRouter posts to a workspace's `EventCallbackUrl` for an event, and which events it posts.
public enum TaskRouterEventCallback {
    /// Whether the workspace's `EventsFilter` (comma-separated event types; `nil` or empty for every event)
    /// lets `eventType` through.
    public static func includes(_ eventType: String, filter: String?) -> Bool {
        guard let filter, !filter.trimmingSpacesAndCommas.isEmpty else { return true }
        return filter.split(separator: ",").contains { $0.trimmingSpacesAndCommas == eventType[...] }
    }

    /// The form parameters: Twilio's common fields, then the event's own fields (`TaskSid`, `WorkerSid`, …) by name.
    public static func parameters(for event: TaskRouterEvent, workspaceName: String, eventFields: [String: String]) -> [FormPair] {
        var pairs = [
            FormPair("EventType", event.eventType),
            FormPair("AccountSid", event.accountSid),
            FormPair("WorkspaceSid", event.workspaceSid),
            FormPair("WorkspaceName", workspaceName),
            FormPair("EventDescription", event.description),
            FormPair("ResourceType", event.resourceType),
            FormPair("ResourceSid", event.resourceSid),
            FormPair("Sid", event.sid),
            FormPair("Timestamp", String(event.eventDateMilliseconds / 1000)),
            FormPair("TimestampMs", String(event.eventDateMilliseconds)),
        ]
        let common = Set(pairs.map(\.name))
        for name in eventFields.keys.sorted() where !common.contains(name) {
            pairs.append(FormPair(name, eventFields[name] ?? ""))
        }
        return pairs
    }
}

extension StringProtocol {
    var trimmingSpacesAndCommas: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "," } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "," }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}

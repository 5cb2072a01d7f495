extension WorkflowConfiguration {
    /// The largest `priority` and `timeout` accepted: Twilio stores both as 32-bit integers.
    public static let maximumTargetNumber = Int(Int32.max)

    /// Parses and validates `Configuration` JSON in Twilio's `task_routing` format, refusing anything that could
    /// fail while routing with a 20001 that names the path, such as `task_routing.filters[0].targets[1].expression`.
    /// Unknown keys are ignored, as Twilio's own helper libraries ignore them.
    public static func parse(_ text: String) throws(TwilioError) -> WorkflowConfiguration {
        let document: AttributeValue
        do {
            document = try AttributeValue.parse(json: text)
        } catch {
            throw .invalidParameter("Configuration: \(error.message)")
        }
        guard case .object(let root) = document else { throw .invalidParameter("Configuration must be a JSON object") }
        let routing = try ConfigurationReader.object(root["task_routing"], at: "task_routing")
        let filters = try ConfigurationReader.array(routing["filters"], at: "task_routing.filters", required: false)
            .enumerated().map { (index, filter) throws(TwilioError) in
                try ConfigurationReader.filter(filter, at: "task_routing.filters[\(index)]")
            }
        // The default filter is a target without a timeout: it holds the task until the task's own timeout.
        var defaultFilter = try ConfigurationReader.present(routing["default_filter"]).map { (value) throws(TwilioError) in
            try ConfigurationReader.target(value, at: "task_routing.default_filter")
        }
        defaultFilter?.timeout = nil
        guard !filters.isEmpty || defaultFilter != nil else {
            throw ConfigurationReader.refuse("task_routing", "needs at least one filter or a default_filter")
        }
        return WorkflowConfiguration(filters: filters, defaultFilter: defaultFilter)
    }
}

/// Reads the parts of a configuration document, naming the path of whatever is wrong.
enum ConfigurationReader {
    static func filter(_ value: AttributeValue, at path: String) throws(TwilioError) -> WorkflowFilter {
        let members = try object(value, at: path)
        // Older helper libraries write `friendly_name`; Twilio reads either.
        let friendlyName = try string(members["filter_friendly_name"], at: "\(path).filter_friendly_name")
        let legacyName = try string(members["friendly_name"], at: "\(path).friendly_name")
        guard let expression = try expression(members["expression"], at: "\(path).expression") else {
            throw refuse("\(path).expression", "is required")
        }
        let targets = try array(members["targets"], at: "\(path).targets", required: true)
        guard !targets.isEmpty else { throw refuse("\(path).targets", "must have at least one target") }
        return WorkflowFilter(
            friendlyName: friendlyName ?? legacyName,
            expression: expression,
            targets: try targets.enumerated().map { (index, target) throws(TwilioError) in
                try self.target(target, at: "\(path).targets[\(index)]")
            }
        )
    }

    static func target(_ value: AttributeValue, at path: String) throws(TwilioError) -> WorkflowTarget {
        let members = try object(value, at: path)
        // Known Agent Routing still names a queue: Twilio reports a known worker outside it as error 40152.
        guard let queueSid = try string(members["queue"], at: "\(path).queue") else { throw refuse("\(path).queue", "is required") }
        guard Sid.hasPrefix(queueSid, SidPrefix.taskQueue.rawValue) else {
            throw refuse("\(path).queue", "must be a TaskQueue SID starting with \(SidPrefix.taskQueue.rawValue); got '\(queueSid)'")
        }
        return WorkflowTarget(
            queueSid: queueSid,
            expression: try expression(members["expression"], at: "\(path).expression"),
            priority: try count(members["priority"], at: "\(path).priority"),
            timeout: try count(members["timeout"], at: "\(path).timeout"),
            orderBy: try orderBy(members["order_by"], at: "\(path).order_by"),
            skipIf: try expression(members["skip_if"], at: "\(path).skip_if"),
            knownWorker: try knownWorker(members, at: path)
        )
    }

    static func knownWorker(_ members: [String: AttributeValue], at path: String) throws(TwilioError) -> KnownWorker? {
        let sidPath = "\(path).known_worker_sid"
        let namePath = "\(path).known_worker_friendly_name"
        let bySid = try attributeReference(members["known_worker_sid"], at: sidPath)
        let byName = try attributeReference(members["known_worker_friendly_name"], at: namePath)
        switch (bySid, byName) {
        case (let sid?, nil): return .sid(sid)
        case (nil, let name?): return .friendlyName(name)
        case (nil, nil): return nil
        case (_?, _?): throw refuse(sidPath, "and \(namePath) cannot both be set")
        }
    }

    /// A task attribute reference such as `task.agent_sid`: Twilio resolves it per task.
    static func attributeReference(_ value: AttributeValue?, at path: String) throws(TwilioError) -> AttributePath? {
        guard let text = try string(value, at: path), !text.allSatisfy(\.isWhitespace) else { return nil }
        guard let reference = AttributePath.parseReference(text) else {
            throw refuse(path, "must name a task attribute, such as task.agent_sid; got '\(text)'")
        }
        return reference
    }

    /// An expression; blank text adds no condition, as in Console, where the field may be left empty.
    static func expression(_ value: AttributeValue?, at path: String) throws(TwilioError) -> TaskRouterExpression? {
        guard let text = try string(value, at: path), !text.allSatisfy(\.isWhitespace) else { return nil }
        do {
            return try TaskRouterExpression.parse(text)
        } catch {
            throw .invalidParameter("Configuration: \(path): \(error.message)")
        }
    }

    static func orderBy(_ value: AttributeValue?, at path: String) throws(TwilioError) -> [WorkerOrdering] {
        guard let text = try string(value, at: path) else { return [] }
        do {
            return try WorkerOrdering.parseList(text)
        } catch {
            throw refuse(path, error.message)
        }
    }

    /// A non-negative integer, written as a number or, as in Twilio's own samples (`"priority": "2"`), a string of digits.
    static func count(_ value: AttributeValue?, at path: String) throws(TwilioError) -> Int? {
        let number: Int?
        switch present(value) {
        case nil: return nil
        case .number(let double)?: number = Int(exactly: double)
        case .string(let text)?: number = Int(text)
        default: number = nil
        }
        guard let number, (0...WorkflowConfiguration.maximumTargetNumber).contains(number) else {
            throw refuse(path, "must be an integer between 0 and \(WorkflowConfiguration.maximumTargetNumber); got \(describe(value ?? .null))")
        }
        return number
    }

    static func object(_ value: AttributeValue?, at path: String) throws(TwilioError) -> [String: AttributeValue] {
        switch present(value) {
        case .object(let members)?: return members
        case nil: throw refuse(path, "is required")
        case let other?: throw refuse(path, "must be an object; got \(describe(other))")
        }
    }

    static func array(_ value: AttributeValue?, at path: String, required: Bool) throws(TwilioError) -> [AttributeValue] {
        switch present(value) {
        case .array(let elements)?: return elements
        case nil:
            guard !required else { throw refuse(path, "is required") }
            return []
        case let other?: throw refuse(path, "must be an array; got \(describe(other))")
        }
    }

    static func string(_ value: AttributeValue?, at path: String) throws(TwilioError) -> String? {
        switch present(value) {
        case .string(let text)?: return text
        case nil: return nil
        case let other?: throw refuse(path, "must be a string; got \(describe(other))")
        }
    }

    /// The value, or `nil` when the key is absent or `null`: both mean "not set".
    static func present(_ value: AttributeValue?) -> AttributeValue? {
        if case .null? = value { return nil }
        return value
    }

    static func refuse(_ path: String, _ problem: String) -> TwilioError {
        .invalidParameter("Configuration: \(path) \(problem)")
    }

    /// A short description of a JSON value for an error message.
    static func describe(_ value: AttributeValue) -> String {
        switch value {
        case .array: "an array"
        case .object: "an object"
        default: ExpressionLiteral.render(value)
        }
    }
}

import Testing
@testable import SwitchboardCore

@Suite struct WorkflowConfigurationTests {
    static let support = "WQ11111111111111111111111111111111"
    static let gold = "WQ22222222222222222222222222222222"
    static let spanish = "WQ33333333333333333333333333333333"
    static let everyone = "WQ44444444444444444444444444444444"

    /// A contact center's workflow: known-agent transfers, gold customers by seniority with a fallback step,
    /// Spanish speakers, preferred agents by name, and a catch-all queue. Numbers are written both ways Twilio's
    /// samples write them, and one filter uses the older `friendly_name` key.
    static let contactCenter = """
        {
          "task_routing": {
            "filters": [
              {
                "filter_friendly_name": "Transfers to a worker",
                "expression": "transferTargetType == 'worker'",
                "targets": [{"queue": "\(support)", "known_worker_sid": "task.transferTargetSid", "timeout": 30}]
              },
              {
                "filter_friendly_name": "Gold Tickets",
                "expression": "customer_value == 'Gold' AND type == 'ticket'",
                "targets": [
                  {
                    "queue": "\(gold)", "priority": "2", "timeout": 120, "expression": "worker.level >= 3",
                    "order_by": "worker.level DESC, worker.tenure asc", "skip_if": "workers.available == 0"
                  },
                  {"queue": "\(support)", "priority": 1}
                ]
              },
              {
                "friendly_name": "Spanish",
                "expression": "selected_language IN ['es', 'es-MX']",
                "targets": [{"queue": "\(spanish)", "expression": "languages HAS 'es'", "timeout": "300"}]
              },
              {
                "expression": "preferred_agent != null",
                "targets": [{"queue": "\(support)", "known_worker_friendly_name": "preferred_agent"}],
                "comment": "keys Twilio does not know are ignored"
              }
            ],
            "default_filter": {"queue": "\(everyone)"}
          }
        }
        """

    @Test func aMultiFilterConfigurationParsesIntoItsFiltersAndTargets() throws {
        let configuration = try WorkflowConfiguration.parse(Self.contactCenter)
        #expect(configuration.filters.map(\.friendlyName) == ["Transfers to a worker", "Gold Tickets", "Spanish", nil])
        #expect(configuration.filters.map(\.expression.description) == [
            #"transferTargetType == "worker""#,
            #"(customer_value == "Gold" AND type == "ticket")"#,
            #"selected_language IN ["es", "es-MX"]"#,
            "preferred_agent != null",
        ])
        #expect(configuration.filters[0].targets == [
            WorkflowTarget(queueSid: Self.support, timeout: 30, knownWorker: .sid(AttributePath(keys: ["task", "transferTargetSid"]))),
        ])
        #expect(configuration.filters[1].targets == [
            WorkflowTarget(
                queueSid: Self.gold, expression: try TaskRouterExpression.parse("worker.level >= 3"), priority: 2, timeout: 120,
                orderBy: [
                    WorkerOrdering(AttributePath(keys: ["worker", "level"]), .descending),
                    WorkerOrdering(AttributePath(keys: ["worker", "tenure"]), .ascending),
                ],
                skipIf: try TaskRouterExpression.parse("workers.available == 0")),
            WorkflowTarget(queueSid: Self.support, priority: 1),
        ])
        #expect(configuration.filters[2].targets == [
            WorkflowTarget(queueSid: Self.spanish, expression: try TaskRouterExpression.parse("languages HAS 'es'"), timeout: 300),
        ])
        #expect(configuration.filters[3].targets[0].knownWorker == .friendlyName(AttributePath(keys: ["preferred_agent"])))
        #expect(configuration.defaultFilter == WorkflowTarget(queueSid: Self.everyone))
    }

    @Test func queueSidsListsEveryReferencedQueueOnceInOrderOfFirstUse() throws {
        let configuration = try WorkflowConfiguration.parse(Self.contactCenter)
        #expect(configuration.queueSids == [Self.support, Self.gold, Self.spanish, Self.everyone])
    }

    /// Filters are tried top to bottom, so a task takes the first one that matches, and the default otherwise.
    @Test(arguments: [
        (#"{"transferTargetType": "worker", "customer_value": "Gold", "type": "ticket"}"#, 0),
        (#"{"customer_value": "Gold", "type": "ticket"}"#, 1),
        (#"{"customer_value": "Silver", "type": "ticket", "selected_language": "es-MX"}"#, 2),
        (#"{"preferred_agent": "alice"}"#, 3),
        (#"{"type": "lead"}"#, nil),
    ])
    func aTaskMatchesTheFirstFilterWhoseExpressionHolds(attributes: String, filterIndex: Int?) throws {
        let configuration = try WorkflowConfiguration.parse(Self.contactCenter)
        let task = try AttributeValue.parseAttributes(attributes)
        #expect(configuration.filters.firstIndex { $0.expression.matches(task: task) } == filterIndex)
    }

    /// Seed 000: Flex creates the task with a `targetWorker` attribute, and the workflow routes it to the worker
    /// whose `contact_uri` it names.
    @Test func seedTargetWorkerExpressionPairsTheTaskWithTheWorkerItNames() throws {
        let configuration = try WorkflowConfiguration.parse("""
            {"task_routing": {"filters": [{
                "filter_friendly_name": "Outbound to a chosen agent",
                "expression": "targetWorker != null",
                "targets": [{"queue": "WQXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "expression": "task.targetWorker == worker.contact_uri"}]
            }]}}
            """)
        let task = try AttributeValue.parseAttributes("""
            {"to": "+18001231234", "direction": "outbound", "name": "John", "from": "+18005555555",
             "targetWorker": "reference_worker_attribute_contact_uri_here", "autoAnswer": "true"}
            """)
        let chosen = try AttributeValue.parseAttributes(#"{"contact_uri": "reference_worker_attribute_contact_uri_here"}"#)
        let other = try AttributeValue.parseAttributes(#"{"contact_uri": "client:someone_else"}"#)
        let filter = try #require(configuration.filters.first)
        #expect(filter.expression.matches(task: task))
        let target = try #require(filter.targets.first?.expression)
        #expect(target.matches(task: task, worker: chosen))
        #expect(!target.matches(task: task, worker: other))
        #expect(configuration.defaultFilter == nil)
    }

    /// Known Agent Routing names a task attribute; it resolves per task, with or without the `task.` prefix.
    @Test func aKnownWorkerReferenceResolvesAgainstTheTasksAttributes() throws {
        let configuration = try WorkflowConfiguration.parse(Self.contactCenter)
        let task = try AttributeValue.parseAttributes(#"{"transferTargetSid": "WK0123", "preferred_agent": "alice"}"#)
        let context = ExpressionContext.workflowFilter(task: task)
        guard case .sid(let bySid)? = configuration.filters[0].targets[0].knownWorker,
              case .friendlyName(let byName)? = configuration.filters[3].targets[0].knownWorker
        else {
            Issue.record("known worker references were not parsed")
            return
        }
        #expect(context.value(of: .attribute(bySid)) == .string("WK0123"))
        #expect(context.value(of: .attribute(byName)) == .string("alice"))
    }

    /// Twilio's Workflow resource page writes priorities and timeouts as strings; they are read as numbers.
    @Test func twiliosDocumentationSampleIsAccepted() throws {
        let configuration = try WorkflowConfiguration.parse("""
            {"task_routing": {"filters": [
              {"filter_friendly_name": "Gold Tickets", "expression": "customer_value == 'Gold' AND type == 'ticket'",
               "targets": [{"queue": "WQ0123456789abcdef0123456789abcdef", "priority": "2"}]},
              {"filter_friendly_name": "Silver and Bronze Tickets",
               "expression": "customer_value IN ['Silver', 'Bronze'] AND type == 'ticket'",
               "targets": [{"queue": "WQabcdef0123456789abcdef0123456789", "priority": "1", "timeout": "300"},
                           {"queue": "WQabcdef01234567890123456789abcdef"}]}
            ], "default_filter": {"queue": "WQabcdef01234567890123456789abcdef"}}}
            """)
        #expect(configuration.filters[1].targets.map(\.priority) == [1, nil])
        #expect(configuration.filters[1].targets.map(\.timeout) == [300, nil])
    }

    @Test func optionalPartsDefaultToNothing() throws {
        let configuration = try WorkflowConfiguration.parse("""
            {"task_routing": {"filters": [{"expression": "1==1", "filter_friendly_name": null,
              "targets": [{"queue": "WQ1", "expression": "  ", "skip_if": "", "order_by": " ", "priority": null}]}]}}
            """)
        let filter = try #require(configuration.filters.first)
        #expect(filter.friendlyName == nil)
        #expect(filter.targets == [WorkflowTarget(queueSid: "WQ1")])
        #expect(configuration.defaultFilter == nil)
    }

    @Test func aDefaultFilterAloneRoutesEverythingToOneQueue() throws {
        let configuration = try WorkflowConfiguration.parse(#"{"task_routing": {"default_filter": {"queue": "WQ1"}}}"#)
        #expect(configuration.filters.isEmpty)
        #expect(configuration.queueSids == ["WQ1"])
    }

    /// The default filter holds a task until the task's own timeout, so a timeout written there is dropped.
    @Test func theDefaultFilterHasNoTimeout() throws {
        let configuration = try WorkflowConfiguration.parse(
            #"{"task_routing": {"filters": [], "default_filter": {"queue": "WQ1", "timeout": 10, "priority": 5}}}"#)
        #expect(configuration.defaultFilter == WorkflowTarget(queueSid: "WQ1", priority: 5))
    }

    @Test(arguments: [
        ("worker.level DESC", ["worker.level DESC"]),
        ("level asc", ["level ASC"]),
        ("worker.finance ASC, worker.support ASC", ["worker.finance ASC", "worker.support ASC"]),
        ("  worker.skills.rank[0]   Desc ,worker.tenure\\tASC ", ["worker.skills.rank[0] DESC", "worker.tenure ASC"]),
    ])
    func orderByIsReadAsClausesOfAttributeAndDirection(orderBy: String, clauses: [String]) throws {
        let configuration = try WorkflowConfiguration.parse(
            #"{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "WQ1", "order_by": "\#(orderBy)"}]}]}}"#)
        #expect(configuration.filters[0].targets[0].orderBy.map(\.description) == clauses)
    }

    /// Wraps one target in a filter, as most refused cases only differ in the target.
    static func oneTarget(_ target: String) -> String {
        #"{"task_routing": {"filters": [{"expression": "1==1", "targets": [\#(target)]}]}}"#
    }

    /// Each refused configuration and what the 20001 message says, starting with the path of the problem.
    static let refused: [(String, String)] = [
        ("{", "Configuration: Invalid JSON"),
        ("", "Configuration: Invalid JSON"),
        (#"["task_routing"]"#, "Configuration must be a JSON object"),
        ("{}", "Configuration: task_routing is required"),
        (#"{"task_routing": null}"#, "Configuration: task_routing is required"),
        (#"{"task_routing": []}"#, "Configuration: task_routing must be an object"),
        (#"{"task_routing": {}}"#, "Configuration: task_routing needs at least one filter or a default_filter"),
        (#"{"task_routing": {"filters": []}}"#, "Configuration: task_routing needs at least one filter or a default_filter"),
        (#"{"task_routing": {"filters": {}}}"#, "Configuration: task_routing.filters must be an array"),
        (#"{"task_routing": {"filters": ["1==1"]}}"#, "Configuration: task_routing.filters[0] must be an object"),
        (#"{"task_routing": {"filters": [{"targets": [{"queue": "WQ1"}]}]}}"#,
         "Configuration: task_routing.filters[0].expression is required"),
        (#"{"task_routing": {"filters": [{"expression": " ", "targets": [{"queue": "WQ1"}]}]}}"#,
         "Configuration: task_routing.filters[0].expression is required"),
        (#"{"task_routing": {"filters": [{"expression": true, "targets": [{"queue": "WQ1"}]}]}}"#,
         "Configuration: task_routing.filters[0].expression must be a string"),
        (#"{"task_routing": {"filters": [{"expression": "type = = 'x'", "targets": [{"queue": "WQ1"}]}]}}"#,
         "Configuration: task_routing.filters[0].expression: Invalid TaskRouter expression"),
        (#"{"task_routing": {"filters": [{"expression": "1==1", "filter_friendly_name": 7, "targets": [{"queue": "WQ1"}]}]}}"#,
         "Configuration: task_routing.filters[0].filter_friendly_name must be a string"),
        (#"{"task_routing": {"filters": [{"expression": "1==1"}]}}"#, "Configuration: task_routing.filters[0].targets is required"),
        (#"{"task_routing": {"filters": [{"expression": "1==1", "targets": []}]}}"#,
         "Configuration: task_routing.filters[0].targets must have at least one target"),
        (#"{"task_routing": {"filters": [{"expression": "1==1", "targets": {"queue": "WQ1"}}]}}"#,
         "Configuration: task_routing.filters[0].targets must be an array"),
        (oneTarget(#"{"timeout": 15}"#), "Configuration: task_routing.filters[0].targets[0].queue is required"),
        (oneTarget(#"{"queue": "WW0123456789abcdef0123456789abcdef"}"#),
         "Configuration: task_routing.filters[0].targets[0].queue must be a TaskQueue SID starting with WQ"),
        (oneTarget(#"{"queue": 12}"#), "Configuration: task_routing.filters[0].targets[0].queue must be a string"),
        (oneTarget(#"{"queue": "WQ1", "expression": "worker.level >"}"#),
         "Configuration: task_routing.filters[0].targets[0].expression: Invalid TaskRouter expression"),
        (oneTarget(#"{"queue": "WQ1", "skip_if": "workers.available == "}"#),
         "Configuration: task_routing.filters[0].targets[0].skip_if: Invalid TaskRouter expression"),
        (oneTarget(#"{"queue": "WQ1", "priority": -1}"#), "Configuration: task_routing.filters[0].targets[0].priority must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "priority": 1.5}"#), "Configuration: task_routing.filters[0].targets[0].priority must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "priority": "high"}"#), "Configuration: task_routing.filters[0].targets[0].priority must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "priority": true}"#),
         "Configuration: task_routing.filters[0].targets[0].priority must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "timeout": "-5"}"#), "Configuration: task_routing.filters[0].targets[0].timeout must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "timeout": 2147483648}"#), "Configuration: task_routing.filters[0].targets[0].timeout must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "timeout": [30]}"#), "Configuration: task_routing.filters[0].targets[0].timeout must be an integer"),
        (oneTarget(#"{"queue": "WQ1", "order_by": "worker.level"}"#), "Configuration: task_routing.filters[0].targets[0].order_by clause 1"),
        (oneTarget(#"{"queue": "WQ1", "order_by": "worker.level UP"}"#), "Configuration: task_routing.filters[0].targets[0].order_by clause 1"),
        (oneTarget(#"{"queue": "WQ1", "order_by": "worker.level DESC,"}"#), "Configuration: task_routing.filters[0].targets[0].order_by clause 2"),
        (oneTarget(#"{"queue": "WQ1", "order_by": "worker-level DESC"}"#), "Configuration: task_routing.filters[0].targets[0].order_by clause 1"),
        (oneTarget(#"{"queue": "WQ1", "known_worker_sid": "task.agent sid"}"#),
         "Configuration: task_routing.filters[0].targets[0].known_worker_sid must name a task attribute"),
        (oneTarget(#"{"queue": "WQ1", "known_worker_friendly_name": "'alice'"}"#),
         "Configuration: task_routing.filters[0].targets[0].known_worker_friendly_name must name a task attribute"),
        (oneTarget(#"{"queue": "WQ1", "known_worker_sid": "task.a", "known_worker_friendly_name": "task.b"}"#),
         "Configuration: task_routing.filters[0].targets[0].known_worker_sid and task_routing.filters[0].targets[0].known_worker_friendly_name cannot both be set"),
        (#"{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "WQ1"}, {"queue": "WQ2", "expression": "x =="}]}]}}"#,
         "Configuration: task_routing.filters[0].targets[1].expression: Invalid TaskRouter expression"),
        (#"{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "WQ1"}]}], "default_filter": {}}}"#,
         "Configuration: task_routing.default_filter.queue is required"),
        (#"{"task_routing": {"default_filter": {"queue": "TC1"}}}"#,
         "Configuration: task_routing.default_filter.queue must be a TaskQueue SID"),
        (#"{"task_routing": {"default_filter": "WQ1"}}"#, "Configuration: task_routing.default_filter must be an object"),
    ]

    @Test(arguments: refused)
    func aWrongConfigurationIsRefusedWith20001NamingThePath(_ configuration: String, message: String) {
        let error = #expect(throws: TwilioError.self) { try WorkflowConfiguration.parse(configuration) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    @Test func anExpressionErrorCarriesTheParsersPosition() {
        let error = #expect(throws: TwilioError.self) {
            try WorkflowConfiguration.parse(Self.oneTarget(#"{"queue": "WQ1", "expression": "level >> 2"}"#))
        }
        #expect(error?.message == """
            Configuration: task_routing.filters[0].targets[0].expression: \
            Invalid TaskRouter expression 'level >> 2': unknown operator '>>' at position 7
            """)
    }
}

import Testing
@testable import SwitchboardCore

@Suite struct WorkerIndexTests {
    static func attributes(_ json: String) -> AttributeValue {
        try! AttributeValue.parseAttributes(json)
    }

    static func team() -> WorkerIndex {
        var index = WorkerIndex()
        index.update(worker: "alice", attributes: attributes(
            #"{"team": "blue", "level": 3, "skills": ["support", "sales"], "address": {"city": "Paris"}, "contact_uri": "client:alice"}"#))
        index.update(worker: "bob", attributes: attributes(
            #"{"team": "red", "level": 1.0, "skills": ["sales"], "address": {"city": "Lyon"}, "contact_uri": "client:bob"}"#))
        index.update(worker: "carol", attributes: attributes(#"{"team": "blue", "level": 5, "skills": ["billing"], "contact_uri": "client:carol"}"#))
        index.update(worker: "dave", attributes: attributes(#"{"team": ["blue"], "level": "3", "skills": "support"}"#))
        return index
    }

    func candidates(_ text: String, task: AttributeValue? = nil, in index: WorkerIndex = team()) throws -> WorkerCandidates {
        index.candidates(for: try TaskRouterExpression.parse(text), task: task)
    }

    func matches(_ text: String, task: AttributeValue? = nil, in index: WorkerIndex = team()) throws -> Set<String> {
        index.matchingWorkers(for: try TaskRouterExpression.parse(text), task: task)
    }

    @Test func equalityLooksUpOnlyWorkersWithThatScalar() throws {
        // Dave's team is an array, and `==` never matches an array.
        #expect(try candidates("team == 'blue'") == .only(["alice", "carol"]))
        #expect(try candidates("'blue' = worker.team") == .only(["alice", "carol"]))
        #expect(try matches("team == 'blue'") == ["alice", "carol"])
    }

    @Test func equalityOfNumbersIgnoresHowTheyWereWritten() throws {
        #expect(try candidates("level == 1") == .only(["bob"]))
        #expect(try candidates("level == 3.0") == .only(["alice"]))
        #expect(try candidates("level == '3'") == .only(["dave"]))
    }

    @Test func hasLooksUpWorkersWhoseArrayHasTheValue() throws {
        #expect(try candidates("skills HAS 'support'") == .only(["alice"]))
        #expect(try candidates("'sales' IN worker.skills") == .only(["alice", "bob"]))
        #expect(try candidates("skills HAS ['support']") == .only([]))
        #expect(try matches("skills HAS 'sales'") == ["alice", "bob"])
    }

    @Test func inLooksUpEachElementOfTheList() throws {
        #expect(try candidates("team IN ['blue', 'red']") == .only(["alice", "bob", "carol"]))
        #expect(try candidates("['red', 'green'] HAS worker.team") == .only(["bob"]))
        #expect(try candidates("team IN 'blue'") == .only([]))
    }

    @Test func nestedPathsAreIndexed() throws {
        #expect(try candidates("address.city == 'Paris'") == .only(["alice"]))
        #expect(try candidates("worker.address.city IN ['Paris', 'Lyon']") == .only(["alice", "bob"]))
    }

    @Test func andIntersectsAndOrUnites() throws {
        #expect(try candidates("team == 'blue' AND skills HAS 'support'") == .only(["alice"]))
        #expect(try candidates("team == 'red' OR skills HAS 'billing'") == .only(["bob", "carol"]))
        #expect(try candidates("(team == 'red' OR team == 'blue') AND level == 5") == .only(["carol"]))
    }

    @Test func aConjunctThatCannotBeLookedUpStillLetsTheOthersNarrow() throws {
        #expect(try candidates("team == 'blue' AND level > 4") == .only(["alice", "carol"]))
        #expect(try matches("team == 'blue' AND level > 4") == ["carol"])
    }

    @Test(arguments: [
        "level > 2", "contact_uri CONTAINS 'client'", "team != 'red'", "team NOT IN ['red']", "team == null",
        "team IN ['blue', null]", "skills[0] == 'support'", "team == contact_uri", "team == 'blue' OR level > 2",
    ])
    func comparisonsTheIndexCannotAnswerFallBackToEveryWorker(_ text: String) throws {
        #expect(try candidates(text) == .allWorkers)
    }

    @Test func comparisonsOfConstantsAreDecidedOnceForAllWorkers() throws {
        #expect(try candidates("1 == 1") == .allWorkers)
        #expect(try candidates("1 == 2") == .only([]))
        #expect(try candidates("1 == 2 AND level > 0") == .only([]))
        #expect(try matches("1==1") == ["alice", "bob", "carol", "dave"])
    }

    @Test func aWorkflowTargetLooksUpTheWorkerNamedByTheTask() throws {
        let task = Self.attributes(#"{"targetWorker": "client:bob", "type": "chat", "needed": "billing"}"#)
        #expect(try candidates("task.targetWorker == worker.contact_uri", task: task) == .only(["bob"]))
        #expect(try matches("task.targetWorker == worker.contact_uri", task: task) == ["bob"])
        #expect(try candidates("contact_uri == task.targetWorker", task: task) == .only(["bob"]))
        #expect(try candidates("skills HAS task.needed", task: task) == .only(["carol"]))
        #expect(try candidates("task.type == 'chat' AND team == 'red'", task: task) == .only(["bob"]))
        #expect(try candidates("task.type == 'voice' AND team == 'red'", task: task) == .only([]))
    }

    @Test func aWorkflowTargetWhoseTaskLacksTheAttributeComparesWithNull() throws {
        // A missing task attribute is null, and so is the attribute of any worker without contact_uri.
        #expect(try candidates("task.targetWorker == worker.contact_uri", task: .emptyObject) == .allWorkers)
        #expect(try matches("task.targetWorker == worker.contact_uri", task: .emptyObject) == ["dave"])
    }

    @Test func aRoutingStepOffersTheTaskToWorkersMatchingBothTheQueueAndTheTarget() throws {
        let index = Self.team()
        let task = Self.attributes(#"{"targetWorker": "client:bob", "needed": "support"}"#)
        let everyone = try TaskRouterExpression.parse("1==1")
        let seedTarget = try TaskRouterExpression.parse("task.targetWorker == worker.contact_uri")
        #expect(index.eligibleWorkers(queue: everyone, target: seedTarget, task: task) == ["bob"])
        let blueTeam = try TaskRouterExpression.parse("team == 'blue'")
        #expect(index.eligibleWorkers(queue: blueTeam, target: nil, task: task) == ["alice", "carol"])
        #expect(index.eligibleWorkers(queue: blueTeam, target: try TaskRouterExpression.parse("skills HAS task.needed"), task: task) == ["alice"])
        #expect(index.eligibleWorkers(queue: blueTeam, target: seedTarget, task: task).isEmpty)
    }

    @Test func updatingAWorkerMovesItBetweenEntries() throws {
        var index = Self.team()
        index.update(worker: "alice", attributes: Self.attributes(#"{"team": "red", "skills": ["billing"]}"#))
        #expect(try candidates("team == 'blue'", in: index) == .only(["carol"]))
        #expect(try candidates("team == 'red'", in: index) == .only(["alice", "bob"]))
        #expect(try candidates("skills HAS 'support'", in: index) == .only([]))
        #expect(try candidates("address.city == 'Paris'", in: index) == .only([]))
        #expect(index.count == 4)
    }

    @Test func removingAWorkerTakesItOutOfEveryEntry() throws {
        var index = Self.team()
        index.remove(worker: "carol")
        #expect(try candidates("team == 'blue'", in: index) == .only(["alice"]))
        #expect(try matches("1 == 1", in: index) == ["alice", "bob", "dave"])
        #expect(index.attributes(of: "carol") == nil)
        #expect(index.count == 3)
        index.remove(worker: "nobody")
        #expect(index.count == 3)
    }

    @Test func entriesLeftEmptyAreDropped() {
        var index = WorkerIndex()
        for value in 0..<100 {
            index.update(worker: "w", attributes: .object(["counter": .number(Double(value)), "tags": .array([.number(Double(value))])]))
        }
        #expect(index.indexedEntryCount == 2)
        index.remove(worker: "w")
        #expect(index.indexedEntryCount == 0)
        #expect(index.workers.isEmpty)
    }

    @Test func tenThousandWorkersAndAHundredQueuesAreRoutedWithoutScanningEveryWorker() throws {
        var index = WorkerIndex()
        for number in 0..<10_000 {
            index.update(worker: "WK\(number)", attributes: .object([
                "skills": .array([.string("skill\(number % 100)"), .string("skill\((number / 100) % 100)")]),
                "team": .string("team\(number % 20)"),
                "level": .number(Double(number % 7)),
            ]))
        }
        for queue in 0..<100 {
            let expression = try TaskRouterExpression.parse(
                "skills HAS 'skill\(queue)' AND team IN ['team\(queue % 20)', 'team\((queue + 1) % 20)'] AND level >= 3")
            guard case .only(let candidates) = index.candidates(for: expression) else {
                Issue.record("queue \(queue) fell back to every worker")
                continue
            }
            #expect(candidates.count <= 200)
            let matches = index.matchingWorkers(for: expression)
            #expect(matches.isSubset(of: candidates))
            #expect(!matches.isEmpty)
        }
    }
}

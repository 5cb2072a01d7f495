import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct RoutingPlannerStepTests {
    typealias F = RoutingFixtures

    /// Support escalates from preferred agents to the whole queue, then to everyone; sales has one step;
    /// a later filter also matches VIP support tasks, so first-match-wins is visible; a default filter
    /// catches the rest.
    static let contactCenter = F.configuration("""
        {
          "task_routing": {
            "filters": [
              {
                "filter_friendly_name": "Support",
                "expression": "type == 'support'",
                "targets": [
                  {"queue": "\(F.support)", "timeout": 15, "priority": 5, "expression": "worker.id IN task.preferred_agents",
                   "skip_if": "workers.available == 0"},
                  {"queue": "\(F.support)", "timeout": 15},
                  {"queue": "\(F.everyone)", "priority": 10}
                ]
              },
              {
                "filter_friendly_name": "Sales",
                "expression": "type == 'sales' OR languages HAS 'es'",
                "targets": [{"queue": "\(F.sales)", "timeout": 30, "skip_if": "1==1"}]
              },
              {
                "filter_friendly_name": "VIP",
                "expression": "vip == true",
                "targets": [{"queue": "\(F.everyone)", "priority": 20}]
              }
            ],
            "default_filter": {"queue": "\(F.everyone)"}
          }
        }
        """)

    static let noDefault = F.configuration("""
        {"task_routing": {"filters": [{"expression": "type == 'sales'", "targets": [{"queue": "\(F.sales)", "timeout": 10}]}]}}
        """)

    @Test(arguments: [
        (#"{"type": "support", "vip": true}"#, RoutingStep(filterIndex: 0, targetIndex: 0)),
        (#"{"type": "sales"}"#, RoutingStep(filterIndex: 1, targetIndex: 0)),
        (#"{"type": "other", "languages": ["fr", "es"]}"#, RoutingStep(filterIndex: 1, targetIndex: 0)),
        (#"{"vip": true}"#, RoutingStep(filterIndex: 2, targetIndex: 0)),
        (#"{"type": "billing"}"#, RoutingStep.defaultFilter),
        (#"{}"#, RoutingStep.defaultFilter),
        (#"{"type": "Support"}"#, RoutingStep.defaultFilter),
    ])
    func theFirstMatchingFilterRoutesTheTaskElseTheDefaultFilter(_ json: String, _ expected: RoutingStep) {
        #expect(RoutingPlanner.initialStep(for: F.attributes(json), configuration: Self.contactCenter) == expected)
    }

    @Test func aTaskMatchingNothingWithoutADefaultFilterHasNoStep() {
        #expect(RoutingPlanner.initialStep(for: F.attributes(#"{"type": "support"}"#), configuration: Self.noDefault) == nil)
        #expect(RoutingPlanner.initialStep(for: F.attributes(#"{"type": "sales"}"#), configuration: Self.noDefault)
            == RoutingStep(filterIndex: 0, targetIndex: 0))
    }

    @Test func aStepNamesItsQueueAndTarget() throws {
        let first = try #require(RoutingPlanner.target(of: RoutingStep(filterIndex: 0, targetIndex: 0), in: Self.contactCenter))
        #expect(first.queueSid == F.support)
        #expect(first.target?.expression == F.expression("worker.id IN task.preferred_agents"))
        let last = try #require(RoutingPlanner.target(of: RoutingStep(filterIndex: 0, targetIndex: 2), in: Self.contactCenter))
        #expect(last.queueSid == F.everyone)
        #expect(last.target?.priority == 10)
    }

    @Test func theDefaultFilterNamesItsQueueAndNoTarget() throws {
        let fallback = try #require(RoutingPlanner.target(of: .defaultFilter, in: Self.contactCenter))
        #expect(fallback.queueSid == F.everyone)
        #expect(fallback.target == nil)
    }

    @Test(arguments: [
        RoutingStep(filterIndex: 3, targetIndex: 0), RoutingStep(filterIndex: 0, targetIndex: 3),
        RoutingStep(filterIndex: -1, targetIndex: 0), RoutingStep(filterIndex: nil, targetIndex: 1),
    ])
    func aStepTheConfigurationNoLongerHasResolvesToNothing(_ step: RoutingStep) {
        #expect(RoutingPlanner.target(of: step, in: Self.contactCenter) == nil)
        #expect(RoutingPlanner.timeout(of: step, in: Self.contactCenter) == nil)
    }

    @Test func withoutADefaultFilterTheDefaultStepResolvesToNothing() {
        #expect(RoutingPlanner.target(of: .defaultFilter, in: Self.noDefault) == nil)
    }

    @Test(arguments: [
        (RoutingStep(filterIndex: 0, targetIndex: 0), RoutingStep(filterIndex: 0, targetIndex: 1) as RoutingStep?),
        (RoutingStep(filterIndex: 0, targetIndex: 1), RoutingStep(filterIndex: 0, targetIndex: 2)),
        (RoutingStep(filterIndex: 0, targetIndex: 2), nil),
        (RoutingStep(filterIndex: 1, targetIndex: 0), nil),
        (RoutingStep.defaultFilter, nil),
    ])
    func aTimeoutAdvancesToTheNextTargetOfTheSameFilter(_ step: RoutingStep, _ expected: RoutingStep?) {
        #expect(RoutingPlanner.nextStep(after: step, in: Self.contactCenter) == expected)
    }

    @Test(arguments: [
        (RoutingStep(filterIndex: 0, targetIndex: 0), 15 as Int?),
        (RoutingStep(filterIndex: 0, targetIndex: 1), 15),
        (RoutingStep(filterIndex: 0, targetIndex: 2), nil),
        (RoutingStep(filterIndex: 1, targetIndex: 0), 30),
        (RoutingStep.defaultFilter, nil),
    ])
    func eachTargetHasItsOwnTimeoutAndTheDefaultFilterNone(_ step: RoutingStep, _ expected: Int?) {
        #expect(RoutingPlanner.timeout(of: step, in: Self.contactCenter) == expected)
    }

    @Test func afterAFiltersLastTargetATimeoutMovesToTheNextMatchingFilter() {
        let vipSales = F.attributes(#"{"type": "sales", "vip": true}"#)
        #expect(RoutingPlanner.nextStep(after: RoutingStep(filterIndex: 1, targetIndex: 0), in: Self.contactCenter, attributes: vipSales)
            == RoutingStep(filterIndex: 2, targetIndex: 0))
    }

    @Test func aTimeoutNeverFallsIntoTheDefaultFilter() {
        // Twilio: the default filter "does not count as a subsequent filter for the purposes of a timeout".
        let sales = F.attributes(#"{"type": "sales"}"#)
        #expect(RoutingPlanner.nextStep(after: RoutingStep(filterIndex: 1, targetIndex: 0), in: Self.contactCenter, attributes: sales) == nil)
        #expect(RoutingPlanner.nextStep(after: .defaultFilter, in: Self.contactCenter, attributes: sales) == nil)
    }

    @Test func withAttributesATimeoutStillPrefersTheNextTarget() {
        let vipSupport = F.attributes(#"{"type": "support", "vip": true}"#)
        #expect(RoutingPlanner.nextStep(after: RoutingStep(filterIndex: 0, targetIndex: 1), in: Self.contactCenter, attributes: vipSupport)
            == RoutingStep(filterIndex: 0, targetIndex: 2))
        #expect(RoutingPlanner.nextStep(after: RoutingStep(filterIndex: 0, targetIndex: 2), in: Self.contactCenter, attributes: vipSupport)
            == RoutingStep(filterIndex: 2, targetIndex: 0))
    }

    @Test func enteringAStepPlacesTheTaskInItsQueueWithTheTargetsPriority() throws {
        let task = F.task(attributes: #"{"type": "support"}"#, priority: 1)
        let entered = try #require(RoutingPlanner.enter(
            RoutingStep(filterIndex: 0, targetIndex: 0), task: task, configuration: Self.contactCenter, enteredAt: F.now, now: F.now))
        #expect(entered.routingStep == RoutingStep(filterIndex: 0, targetIndex: 0))
        #expect(entered.taskQueueSid == F.support)
        #expect(entered.taskQueueEnteredDate == F.now)
        #expect(entered.dateEnteredStep == F.now)
        #expect(entered.priority == 5)
    }

    @Test func aTargetWithoutPriorityKeepsTheTasksOwnAndTheSameQueueKeepsItsEnteredDate() throws {
        let start = try #require(RoutingPlanner.enter(
            RoutingStep(filterIndex: 0, targetIndex: 0), task: F.task(priority: 1), configuration: Self.contactCenter,
            enteredAt: F.now, now: F.now))
        let later = F.now.addingTimeInterval(15)
        let second = try #require(RoutingPlanner.enter(
            RoutingStep(filterIndex: 0, targetIndex: 1), task: start, configuration: Self.contactCenter, enteredAt: later, now: later))
        #expect(second.priority == 5)
        #expect(second.taskQueueEnteredDate == F.now)
        #expect(second.dateEnteredStep == later)
        #expect(second.dateUpdated == later)
    }

    @Test func enteringAStepThatDoesNotExistIsRefused() {
        #expect(RoutingPlanner.enter(
            RoutingStep(filterIndex: 9, targetIndex: 0), task: F.task(), configuration: Self.contactCenter, enteredAt: F.now, now: F.now) == nil)
    }

    @Test func targetTimeoutsAddUpAlongTheTasksAgeWhenEachStepIsEnteredAtTheLastDeadline() throws {
        var task = try #require(RoutingPlanner.enter(
            RoutingStep(filterIndex: 0, targetIndex: 0), task: F.task(), configuration: Self.contactCenter, enteredAt: F.now, now: F.now))
        let firstDeadline = try #require(RoutingPlanner.deadline(of: task, in: Self.contactCenter))
        #expect(firstDeadline == F.now.addingTimeInterval(15))
        // The engine noticed the timeout 3 seconds late; the next step still counts from the deadline.
        task = try #require(RoutingPlanner.enter(
            RoutingStep(filterIndex: 0, targetIndex: 1), task: task, configuration: Self.contactCenter,
            enteredAt: firstDeadline, now: firstDeadline.addingTimeInterval(3)))
        #expect(RoutingPlanner.deadline(of: task, in: Self.contactCenter) == F.now.addingTimeInterval(30))
    }

    @Test func aStepWithoutTimeoutHasNoDeadline() throws {
        let task = try #require(RoutingPlanner.enter(
            .defaultFilter, task: F.task(), configuration: Self.contactCenter, enteredAt: F.now, now: F.now))
        #expect(RoutingPlanner.deadline(of: task, in: Self.contactCenter) == nil)
        #expect(RoutingPlanner.deadline(of: F.task(), in: Self.contactCenter) == nil)
    }

    @Test func effectivePriorityIsTheTargetsWhenItSetsOneElseTheTasks() {
        var task = F.task(priority: 3)
        #expect(RoutingPlanner.effectivePriority(of: task, in: Self.contactCenter) == 3)
        task.routingStep = RoutingStep(filterIndex: 0, targetIndex: 2)
        #expect(RoutingPlanner.effectivePriority(of: task, in: Self.contactCenter) == 10)
        task.routingStep = RoutingStep(filterIndex: 0, targetIndex: 1)
        #expect(RoutingPlanner.effectivePriority(of: task, in: Self.contactCenter) == 3)
        #expect(RoutingPlanner.effectivePriority(of: task, in: nil) == 3)
    }

    @Test(arguments: [
        (QueueWorkerCounts(available: 0, unavailable: 4), true),
        (QueueWorkerCounts(available: 2, unavailable: 0), false),
        (QueueWorkerCounts(), true),
    ])
    func skipIfSeesTheCountsOfTheQueuesWorkers(_ counts: QueueWorkerCounts, _ skips: Bool) {
        #expect(RoutingPlanner.shouldSkip(RoutingStep(filterIndex: 0, targetIndex: 0), in: Self.contactCenter, counts: counts) == skips)
    }

    @Test func skipIfCanCountWorkersInOneActivity() {
        let configuration = F.configuration("""
            {"task_routing": {"filters": [{"expression": "1==1", "targets": [
              {"queue": "\(F.support)", "skip_if": "workers.WAbreak >= 2 OR workers.unavailable > 5"}]}]}}
            """)
        var counts = QueueWorkerCounts()
        counts.add(activitySid: "WAbreak", available: false)
        counts.add(activitySid: "WAidle", available: true)
        let step = RoutingStep(filterIndex: 0, targetIndex: 0)
        #expect(!RoutingPlanner.shouldSkip(step, in: configuration, counts: counts))
        counts.add(activitySid: "WAbreak", available: false)
        #expect(counts == QueueWorkerCounts(available: 1, unavailable: 2, byActivity: ["WAbreak": 2, "WAidle": 1]))
        #expect(RoutingPlanner.shouldSkip(step, in: configuration, counts: counts))
    }

    @Test func aStepWithoutSkipIfIsNeverSkipped() {
        let empty = QueueWorkerCounts()
        #expect(!RoutingPlanner.shouldSkip(RoutingStep(filterIndex: 0, targetIndex: 1), in: Self.contactCenter, counts: empty))
        #expect(!RoutingPlanner.shouldSkip(.defaultFilter, in: Self.contactCenter, counts: empty))
    }

    @Test(arguments: [
        (#"{"type": "support"}"#, RoutingStep(filterIndex: 0, targetIndex: 0), RoutingStep(filterIndex: 0, targetIndex: 1) as RoutingStep?),
        (#"{"type": "sales", "vip": true}"#, RoutingStep(filterIndex: 1, targetIndex: 0), RoutingStep(filterIndex: 2, targetIndex: 0)),
        (#"{"type": "sales"}"#, RoutingStep(filterIndex: 1, targetIndex: 0), RoutingStep.defaultFilter),
        (#"{"type": "sales"}"#, RoutingStep.defaultFilter, nil),
    ])
    func skippingMovesToTheNextTargetThenMatchingFilterThenTheDefaultFilter(_ json: String, _ step: RoutingStep, _ expected: RoutingStep?) {
        #expect(RoutingPlanner.stepAfterSkipping(step, in: Self.contactCenter, attributes: F.attributes(json)) == expected)
    }

    static let nobodyAvailable = QueueWorkerCounts(available: 0, unavailable: 3)

    func enterSkipping(
        _ step: RoutingStep, _ json: String, counts: QueueWorkerCounts = nobodyAvailable, offerable: Set<String> = []
    ) -> TaskRouterTask? {
        let entered = F.now.addingTimeInterval(-5)
        return RoutingPlanner.enterSkipping(
            step, task: F.task(attributes: json), configuration: Self.contactCenter, attributes: F.attributes(json),
            enteredAt: entered, now: F.now, counts: { _ in counts }, canOffer: { offerable.contains($0.taskQueueSid ?? "") })
    }

    @Test func aTargetWhoseSkipIfHoldsIsSkippedAtOnceWhenNobodyCanBeOfferedTheTask() throws {
        let task = try #require(enterSkipping(RoutingStep(filterIndex: 0, targetIndex: 0), #"{"type": "support"}"#))
        #expect(task.routingStep == RoutingStep(filterIndex: 0, targetIndex: 1))
        #expect(task.taskQueueSid == F.support)
        // The next target is entered at the same moment, so its timeout counts from there.
        #expect(task.dateEnteredStep == F.now.addingTimeInterval(-5))
        #expect(task.taskQueueEnteredDate == F.now.addingTimeInterval(-5))
    }

    @Test func aTargetIsKeptWhenSomeoneCanBeOfferedTheTaskThereOrItsSkipIfDoesNotHold() throws {
        let support = #"{"type": "support"}"#
        let offered = try #require(enterSkipping(RoutingStep(filterIndex: 0, targetIndex: 0), support, offerable: [F.support]))
        #expect(offered.routingStep == RoutingStep(filterIndex: 0, targetIndex: 0))
        let staffed = try #require(enterSkipping(RoutingStep(filterIndex: 0, targetIndex: 0), support, counts: QueueWorkerCounts(available: 1)))
        #expect(staffed.routingStep == RoutingStep(filterIndex: 0, targetIndex: 0))
        #expect(staffed.priority == 5)
    }

    @Test func aSkippedFiltersTaskGoesOnToTheNextMatchingFilterOrTheDefaultFilter() throws {
        let vip = try #require(enterSkipping(RoutingStep(filterIndex: 1, targetIndex: 0), #"{"type": "sales", "vip": true}"#))
        #expect(vip.routingStep == RoutingStep(filterIndex: 2, targetIndex: 0))
        #expect(vip.priority == 20)
        let plain = try #require(enterSkipping(RoutingStep(filterIndex: 1, targetIndex: 0), #"{"type": "sales"}"#))
        #expect(plain.routingStep == .defaultFilter)
        #expect(plain.taskQueueSid == F.everyone)
    }

    @Test func skippingStopsWhereATargetHasNoSkipIf() throws {
        // The second support target has no skip_if, so the task stays there even though nobody can take it.
        let task = try #require(enterSkipping(RoutingStep(filterIndex: 0, targetIndex: 0), #"{"type": "support"}"#))
        #expect(task.routingStep?.targetIndex == 1)
        #expect(enterSkipping(RoutingStep(filterIndex: 7, targetIndex: 0), #"{"type": "support"}"#) == nil)
    }

    @Test func aQueuesWorkerCountsComeFromItsMembersActivities() {
        let counts = QueueWorkerCounts(
            members: ["WKa", "WKb", "WKc", "WKgone"], activities: ["WKa": "WAidle", "WKb": "WAbreak", "WKc": "WAbreak", "WKother": "WAidle"],
            availability: ["WAidle": true, "WAbreak": false])
        #expect(counts == QueueWorkerCounts(available: 1, unavailable: 2, byActivity: ["WAidle": 1, "WAbreak": 2]))
    }

    @Test func aQueuesMembersAreTheWorkersItsTargetWorkersMatchWhateverTheirActivity() {
        let workers = [
            F.worker("WKa", #"{"skills": ["support"]}"#, available: false),
            F.worker("WKb", #"{"skills": ["support", "sales"]}"#),
            F.worker("WKc", #"{"skills": ["sales"]}"#),
        ]
        let index = F.index(workers)
        #expect(RoutingPlanner.members(of: F.queue(targetWorkers: "skills HAS 'support'"), index: index) == ["WKa", "WKb"])
        #expect(RoutingPlanner.members(of: F.queue(targetWorkers: nil), index: index).isEmpty)
    }

    @Test func aRoutingStepRoundTripsThroughJSON() throws {
        for step in [RoutingStep(filterIndex: 2, targetIndex: 1), RoutingStep.defaultFilter] {
            let data = try JSONEncoder().encode(step)
            #expect(try JSONDecoder().decode(RoutingStep.self, from: data) == step)
        }
    }
}

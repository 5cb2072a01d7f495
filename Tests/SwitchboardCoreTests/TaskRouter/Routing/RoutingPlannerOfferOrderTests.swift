import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct RoutingPlannerOfferOrderTests {
    typealias F = RoutingFixtures

    @Test func higherPriorityGoesFirstWhateverItsAge() {
        let tasks = [
            F.task("WTold", priority: 1, createdSecondsAgo: 600),
            F.task("WTurgent", priority: 10, createdSecondsAgo: 5),
            F.task("WTmiddle", priority: 5, createdSecondsAgo: 100),
        ]
        #expect(RoutingPlanner.offerOrder(tasks).map(\.sid) == ["WTurgent", "WTmiddle", "WTold"])
    }

    @Test func withinAPriorityTheOldestGoesFirst() {
        let tasks = [
            F.task("WTnew", createdSecondsAgo: 1),
            F.task("WToldest", createdSecondsAgo: 300),
            F.task("WTolder", createdSecondsAgo: 200),
        ]
        #expect(RoutingPlanner.offerOrder(tasks).map(\.sid) == ["WToldest", "WTolder", "WTnew"])
    }

    @Test func tasksCreatedTogetherAreSettledBySid() {
        let tasks = [F.task("WTb"), F.task("WTa"), F.task("WTc")]
        #expect(RoutingPlanner.offerOrder(tasks).map(\.sid) == ["WTa", "WTb", "WTc"])
    }

    @Test func aLIFOQueueOffersItsNewestTaskFirst() {
        let tasks = [
            F.task("WTold", createdSecondsAgo: 300, queue: F.support),
            F.task("WTnew", createdSecondsAgo: 10, queue: F.support),
            F.task("WTurgent", priority: 2, createdSecondsAgo: 500, queue: F.support),
        ]
        #expect(RoutingPlanner.offerOrder(tasks, queueOrders: [F.support: .lifo]).map(\.sid) == ["WTurgent", "WTnew", "WTold"])
        #expect(RoutingPlanner.offerOrder(tasks, queueOrders: [F.support: .fifo]).map(\.sid) == ["WTurgent", "WTold", "WTnew"])
    }

    @Test func betweenFIFOAndLIFOQueuesThePrioritizedKindGoesFirstWithinAPriority() {
        let tasks = [
            F.task("WTfifo", createdSecondsAgo: 300, queue: F.support),
            F.task("WTlifo", createdSecondsAgo: 10, queue: F.sales),
        ]
        let orders: [String: QueueOrder] = [F.support: .fifo, F.sales: .lifo]
        #expect(RoutingPlanner.offerOrder(tasks, queueOrders: orders).map(\.sid) == ["WTfifo", "WTlifo"])
        #expect(RoutingPlanner.offerOrder(tasks, queueOrders: orders, prioritizing: .lifo).map(\.sid) == ["WTlifo", "WTfifo"])
    }
}

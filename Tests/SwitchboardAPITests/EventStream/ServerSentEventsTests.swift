import Testing
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct ServerSentEventsTests {
    @Test func frameIdsEventsAndOneLineData() {
        #expect(ServerSentEvents.frame(id: "1.2.3.4", event: "task.updated", data: "{}") == "id: 1.2.3.4\nevent: task.updated\ndata: {}\n\n")
        #expect(ServerSentEvents.position(id: "1.2") == "id: 1.2\n\n")
        #expect(ServerSentEvents.keepalive == ": keepalive\n\n")
    }

    @Test func anEventIDReadsBackAsThePositionsItWasWrittenFrom() {
        let positions = [FeedPosition(transaction: 812, seq: 40), FeedPosition(transaction: 0, seq: 7)]
        #expect(FeedPosition.eventID(positions) == "812.40.0.7")
        #expect(FeedPosition.positions(eventID: "812.40.0.7", count: 2) == positions)
        #expect(FeedPosition.positions(eventID: FeedPosition.eventID([positions[0]]), count: 1) == [positions[0]])
    }

    @Test func surroundingSpacesAreNotPartOfAnEventID() {
        #expect(FeedPosition.positions(eventID: " 3.9 ", count: 1) == [FeedPosition(transaction: 3, seq: 9)])
    }

    @Test(arguments: ["", "1", "1.2.3", "1.2.3.4", "1.", ".2", "a.2", "+1.2", "-1.2", "1.99999999999999999999"])
    func textThisServerNeverWroteIsNoSinglePosition(_ text: String) {
        #expect(FeedPosition.positions(eventID: text, count: 1) == nil)
    }
}

import Testing
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct AgentEventCursorTests {
    @Test func aCursorReadsBackWhatItWrites() {
        let cursor = AgentEventCursor(events: FeedPosition(transaction: 812, seq: 40), messages: FeedPosition(transaction: 0, seq: 7))
        #expect(cursor.description == "812.40.0.7")
        #expect(AgentEventCursor(cursor.description) == cursor)
    }

    @Test(arguments: ["", "1.2.3", "1.2.3.4.5", "1.2..4", "a.2.3.4", "+1.2.3.4", "-1.2.3.4", "1.2.3.99999999999999999999"])
    func textThisServerNeverWroteIsNoCursor(_ text: String) {
        #expect(AgentEventCursor(text) == nil)
    }

    @Test func positionsOrderByTransactionThenSequence() {
        #expect(FeedPosition(transaction: 1, seq: 90) < FeedPosition(transaction: 2, seq: 1))
        #expect(FeedPosition(transaction: 2, seq: 1) < FeedPosition(transaction: 2, seq: 3))
    }

    @Test func aTaskNamesItsConversationInItsAttributes() {
        #expect(AgentEventStream.conversationSid(taskAttributes: #"{"conversationSid":"CH1","channelType":"sms"}"#) == "CH1")
        #expect(AgentEventStream.conversationSid(taskAttributes: #"{"channelType":"sms"}"#) == nil)
        #expect(AgentEventStream.conversationSid(taskAttributes: "not json") == nil)
    }

    @Test func otherDomainsLinksFollowThePathPrefixOrTheHost() {
        #expect(SiblingDomain.url("http://127.0.0.1:8080/switchboard", from: .switchboard, to: .taskRouter) == "http://127.0.0.1:8080/taskrouter")
        #expect(SiblingDomain.url("http://switchboard.localhost:8080", from: .switchboard, to: .conversations) == "http://conversations.localhost:8080")
    }
}

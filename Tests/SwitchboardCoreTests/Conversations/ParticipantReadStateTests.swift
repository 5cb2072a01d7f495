import Foundation
import Testing
import SwitchboardCore

@Suite struct ParticipantReadStateTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func movingTheHorizonWithoutATimestampStampsItNow() throws {
        let state = try ParticipantReadState().updated(notificationLevel: nil, lastReadMessageIndex: .moved(3), lastReadTimestamp: nil, now: now)
        #expect(state == ParticipantReadState(lastReadMessageIndex: 3, lastReadTimestamp: now, notificationLevel: .default))
    }

    @Test func aGivenTimestampAndLevelAreKeptAndWhatIsNotSentStays() throws {
        let earlier = now.addingTimeInterval(-60)
        let start = ParticipantReadState(lastReadMessageIndex: 7, lastReadTimestamp: earlier, notificationLevel: .default)
        let muted = try start.updated(notificationLevel: "muted", lastReadMessageIndex: nil, lastReadTimestamp: nil, now: now)
        #expect(muted == ParticipantReadState(lastReadMessageIndex: 7, lastReadTimestamp: earlier, notificationLevel: .muted))
        let stamped = try muted.updated(notificationLevel: nil, lastReadMessageIndex: .moved(9), lastReadTimestamp: earlier, now: now)
        #expect(stamped == ParticipantReadState(lastReadMessageIndex: 9, lastReadTimestamp: earlier, notificationLevel: .muted))
    }

    @Test func anEmptyIndexClearsTheHorizon() throws {
        let start = ParticipantReadState(lastReadMessageIndex: 7, lastReadTimestamp: now.addingTimeInterval(-60), notificationLevel: .muted)
        let cleared = try start.updated(notificationLevel: nil, lastReadMessageIndex: .cleared, lastReadTimestamp: nil, now: now)
        #expect(cleared == ParticipantReadState(lastReadMessageIndex: nil, lastReadTimestamp: now, notificationLevel: .muted))
    }

    @Test func anUnknownLevelOrANegativeIndexIsRefusedWith20001() {
        let level = #expect(throws: TwilioError.self) {
            try ParticipantReadState().updated(notificationLevel: "loud", lastReadMessageIndex: nil, lastReadTimestamp: nil, now: now)
        }
        #expect(level?.code == 20001)
        let index = #expect(throws: TwilioError.self) {
            try ParticipantReadState().updated(notificationLevel: nil, lastReadMessageIndex: .moved(-1), lastReadTimestamp: nil, now: now)
        }
        #expect(index?.code == 20001)
    }
}

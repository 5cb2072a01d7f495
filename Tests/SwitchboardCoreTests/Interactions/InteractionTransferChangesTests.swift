import Testing
@testable import SwitchboardCore

@Suite struct InteractionTransferChangesTests {
    @Test func anEmptyOrStatuslessBodyChangesNothing() throws {
        #expect(try InteractionTransferChanges.parse(json: "").status == nil)
        #expect(try InteractionTransferChanges.parse(json: "{}").status == nil)
        #expect(try InteractionTransferChanges.parse(json: #"{"note":"x"}"#).status == nil)
        #expect(try InteractionTransferChanges.parse(json: #"{"status":"failed"}"#).status == "failed")
    }

    @Test func unknownStatusesAndNonObjectsAreRefused() {
        for body in [#"{"status":"paused"}"#, #"{"status":1}"#, "[1]"] {
            #expect(throws: TwilioError.self) { try InteractionTransferChanges.parse(json: body) }
        }
    }

    @Test func onlyAnActiveTransferCanBeGivenUp() throws {
        let fail = InteractionTransferChanges(status: "failed")
        #expect(try fail.cancelsTarget(currentStatus: "active"))
        #expect(try !fail.cancelsTarget(currentStatus: "failed"))
        #expect(throws: TwilioError.self) { try fail.cancelsTarget(currentStatus: "completed") }
        #expect(try !InteractionTransferChanges(status: "completed").cancelsTarget(currentStatus: "completed"))
        #expect(throws: TwilioError.self) { try InteractionTransferChanges(status: "active").cancelsTarget(currentStatus: "completed") }
    }
}

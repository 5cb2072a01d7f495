import Testing
@testable import SwitchboardCore

@Suite struct UndeliverableRelayTests {
    @Test func eachReasonCarriesTwiliosCode() {
        #expect(UndeliverableRelay.unknownSession("KC1").errorCode == 80409)
        #expect(UndeliverableRelay.closedSession("KC1").errorCode == 80607)
        #expect(UndeliverableRelay.noCustomerParticipant("KC1").errorCode == 80614)
        #expect(UndeliverableRelay.closedSession("KC1").reason.contains("KC1"))
    }

    @Test func stampingKeepsTheClientsAttributesBesideTheFailure() throws {
        let stamped = UndeliverableRelay.unknownSession("KCx").stamped(#"{"agent":true,"delivery":"mine"}"#)
        guard case .object(let members) = try AttributeValue.parse(json: stamped) else { Issue.record("not an object"); return }
        #expect(members["agent"] == .bool(true))
        guard case .object(let delivery)? = members["delivery"] else { Issue.record("no delivery"); return }
        #expect(delivery["status"] == .string("failed"))
        #expect(delivery["error_code"] == .number(80409))
        #expect(stamped.contains(#""error_code":80409"#))
    }

    @Test func attributesThatAreNotAnObjectAreKeptRatherThanLost() throws {
        let array = UndeliverableRelay.closedSession("KC").stamped("[1]")
        #expect(try AttributeValue.parse(json: array).value(at: AttributePath(keys: ["attributes"])) == .array([.number(1)]))
        let broken = UndeliverableRelay.closedSession("KC").stamped("not json")
        #expect(try AttributeValue.parse(json: broken).value(at: AttributePath(keys: ["attributes"])) == .string("not json"))
    }
}

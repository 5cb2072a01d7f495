import Testing
@testable import switchboard_bench

@Suite struct JourneyEndsTests {
    @Test func anEndThatArrivesBeforeTheWaitIsKept() async {
        let ends = JourneyEnds()
        ends.resolve(7, succeeded: true)
        #expect(await ends.wait(for: 7))
    }

    @Test func aWaitingJourneyHearsItsEnd() async {
        let ends = JourneyEnds()
        async let outcome = ends.wait(for: 8)
        while ends.waitingCount == 0 { await Task.yield() }
        ends.resolve(8, succeeded: false)
        #expect(await outcome == false)
        #expect(ends.earlyCount == 0)
    }

    @Test func aJourneyPastItsDeadlineFails() async {
        let ends = JourneyEnds(patience: .zero)
        async let outcome = ends.wait(for: 9)
        while ends.waitingCount == 0 { await Task.yield() }
        ends.expire(now: .now.advanced(by: .seconds(1)))
        #expect(await outcome == false)
    }

    @Test func aStatusCallbackEndsItsJourneyOnlyWhenFinal() async {
        let ends = JourneyEnds()
        MessageJourney.receive(path: "/messages/12", form: ["MessageStatus": "sent"], ends: ends)
        MessageJourney.receive(path: "/elsewhere/12", form: ["MessageStatus": "delivered"], ends: ends)
        #expect(ends.earlyCount == 0)
        MessageJourney.receive(path: "/messages/12", form: ["MessageStatus": "delivered"], ends: ends)
        #expect(await ends.wait(for: 12))
    }

    @Test func aHandsetDeliveryEndsTheInteractionItsProxyNames() async {
        let ends = JourneyEnds()
        InteractionJourney.receive(["from": InteractionJourney.proxyAddress(1_000_000_042), "status": "delivered"], ends: ends)
        InteractionJourney.receive(["from": InteractionJourney.proxyAddress(1_000_000_043), "status": "failed"], ends: ends)
        #expect(await ends.wait(for: 1_000_000_042))
        #expect(await ends.wait(for: 1_000_000_043) == false)
    }

    @Test func theListenerDecodesAForm() {
        #expect(WebhookListener.form("MessageSid=SM1&MessageStatus=delivered&To=%2B1555+1") ==
                ["MessageSid": "SM1", "MessageStatus": "delivered", "To": "+1555 1"])
    }
}

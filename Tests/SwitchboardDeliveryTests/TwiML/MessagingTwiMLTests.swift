import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct MessagingTwiMLTests {
    static func parse(_ text: String) throws -> [MessagingVerb] {
        try MessagingTwiML.parse(Array(text.utf8))
    }

    @Test func aMessageWithAttributesAndTextBecomesOneVerb() throws {
        let verbs = try Self.parse(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message to="+14155550100" from="+14155550199" action="https://app.example.com/status">  Thanks &amp; goodbye </Message></Response>"#)
        #expect(verbs == [.message(to: "+14155550100", from: "+14155550199", body: "Thanks & goodbye", mediaUrls: [],
                                   statusCallback: "https://app.example.com/status")])
    }

    @Test func bodyAndMediaNounsAreReadAndAMessageWithoutAddressesLeavesThemToTheInboundMessage() throws {
        let verbs = try Self.parse("""
            <Response>
              <Message>
                <Body>Here is the map</Body>
                <Media>https://cdn.example.com/map.png</Media>
              </Message>
            </Response>
            """)
        #expect(verbs == [.message(to: nil, from: nil, body: "Here is the map", mediaUrls: ["https://cdn.example.com/map.png"], statusCallback: nil)])
    }

    @Test func verbsKeepTheirOrderAndNothingAfterARedirectIsReached() throws {
        let verbs = try Self.parse(#"<Response><Message>one</Message><Redirect method="get">/next</Redirect><Message>never</Message></Response>"#)
        #expect(verbs == [.message(to: nil, from: nil, body: "one", mediaUrls: [], statusCallback: nil), .redirect(url: "/next", method: "GET")])
    }

    @Test func aRedirectIsPostedUnlessItSaysOtherwise() throws {
        #expect(try Self.parse("<Response><Redirect>https://app.example.com/more</Redirect></Response>")
            == [.redirect(url: "https://app.example.com/more", method: "POST")])
    }

    @Test(arguments: ["", "  \n", "<Response/>", "<Response></Response>", #"<?xml version="1.0"?><Response>  </Response>"#])
    func anEmptyAnswerAsksForNothing(_ answer: String) throws {
        #expect(try Self.parse(answer).isEmpty)
    }

    @Test func verbsMessagingDoesNotKnowAreLeftAlone() throws {
        #expect(try Self.parse("<Response><Say>Hello</Say><Message>Hi</Message></Response>")
            == [.message(to: nil, from: nil, body: "Hi", mediaUrls: [], statusCallback: nil)])
    }

    @Test(arguments: ["OK", #"{"reply":"hi"}"#, "<Response><Message>unclosed</Response>", "<Reply><Message>Hi</Message></Reply>",
                      "<Response><Redirect></Redirect></Response>", #"<Response><Redirect method="PUT">/x</Redirect></Response>"#])
    func anythingElseIsTwilios12100(_ answer: String) {
        #expect(throws: MessagingTwiML.ParseFailure.self) { try Self.parse(answer) }
        #expect((try? Self.parse(answer)) == nil)
    }
}

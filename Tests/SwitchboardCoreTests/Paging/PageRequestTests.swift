import Testing
@testable import SwitchboardCore

@Suite struct PageRequestTests {
    @Test func defaultsToFiftyRowsOnPageZero() throws {
        let request = try PageRequest.parse(pageSize: nil, page: nil, pageToken: nil)
        #expect(request == PageRequest(size: 50, page: 0, cursor: nil))
    }

    @Test(arguments: ["0", "1001", "-1", "ten"])
    func pageSizeOutsideOneToAThousandIsRefused(_ size: String) {
        let error = #expect(throws: TwilioError.self) { try PageRequest.parse(pageSize: size, page: nil, pageToken: nil) }
        #expect(error?.code == 20001)
    }

    @Test func tokensRoundTrip() {
        #expect(PageCursor(token: PageCursor.after(42).token) == .after(42))
        #expect(PageCursor(token: PageCursor.before(7).token) == .before(7))
    }

    @Test(arguments: ["XX12", "PA", "PAabc", "PA-3"])
    func malformedTokensAreRefused(_ token: String) {
        #expect(throws: TwilioError.self) { try PageRequest.parse(pageSize: nil, page: nil, pageToken: token) }
    }

    @Test func pageWithoutTokenSkipsEarlierPages() throws {
        #expect(try PageRequest.parse(pageSize: "10", page: "3", pageToken: nil).offset == 30)
        #expect(try PageRequest.parse(pageSize: "10", page: "3", pageToken: "PA5").offset == 0)
    }

    @Test(arguments: ["9223372036854775807", "2147483648", "99999999999999999999"])
    func aPageNumberTooLargeForArithmeticIsRefusedWith20001(_ page: String) {
        let error = #expect(throws: TwilioError.self) { try PageRequest.parse(pageSize: "1000", page: page, pageToken: nil) }
        #expect(error?.code == 20001)
    }

    @Test func theLargestPageNumberStillHasAnOffsetAndANextPage() throws {
        let request = try PageRequest.parse(pageSize: "1000", page: String(PageRequest.maximumPage), pageToken: nil)
        #expect(request.offset == PageRequest.maximumPage * 1000)
        #expect(request.firstRow == request.offset)
        #expect(request.nextPage == PageRequest.maximumPage)
    }

    @Test func aRequestBuiltInCodeSaturatesInsteadOfTrapping() {
        let request = PageRequest(size: 1000, page: Int.max)
        #expect(request.offset == Int.max)
        #expect(request.nextPage == PageRequest.maximumPage)
    }
}

import NIOCore
import Testing
@testable import switchboard_bench

@Suite struct ResponseFramingTests {
    func feed(_ framing: inout ResponseFraming, _ text: String) {
        var bytes = ByteBuffer(string: text)
        framing.append(&bytes)
    }

    @Test func readsAStatusAndALengthFramedBody() throws {
        var framing = ResponseFraming()
        feed(&framing, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"sid\":\"x\"}")
        let response = try #require(try framing.next())
        #expect(response.status == 201)
        #expect(response.text == #"{"sid":"x"}"#)
        #expect(try framing.next() == nil)
    }

    @Test func waitsForTheRestOfAnAnswerSplitAcrossReads() throws {
        var framing = ResponseFraming()
        feed(&framing, "HTTP/1.1 200 OK\r\ncontent-length: 15\r\n")
        #expect(try framing.next() == nil)
        feed(&framing, "\r\n{\"status\":")
        #expect(try framing.next() == nil)
        feed(&framing, "\"ok\"}")
        #expect(try framing.next()?.text == #"{"status":"ok"}"#)
    }

    @Test func joinsTheChunksOfAChunkedBody() throws {
        var framing = ResponseFraming()
        feed(&framing, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")
        let response = try #require(try framing.next())
        #expect(response.text == "hello, world")
        #expect(try framing.next() == nil)
    }

    @Test func readsAnswersThatArriveTogetherOneByOne() throws {
        var framing = ResponseFraming()
        feed(&framing, "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}")
        #expect(try framing.next()?.status == 204)
        let second = try #require(try framing.next())
        #expect(second.status == 404)
        #expect(second.text == "{}")
    }

    @Test func refusesAStatusLineThatIsNotHTTP() {
        var framing = ResponseFraming()
        feed(&framing, "garbage without a status\r\n\r\n")
        #expect(throws: ResponseFraming.Malformed.self) { try framing.next() }
    }

    @Test func findsBytesInTheBody() {
        let response = BenchResponse(status: 201, body: ByteBuffer(string: #"{"sid":"WT1","assignment_status":"assigned"}"#))
        #expect(response.bodyContains(Array(#""assignment_status":"assigned""#.utf8)))
        #expect(!response.bodyContains(Array(#""assignment_status":"pending""#.utf8)))
    }
}

extension BenchResponse: Equatable {
    static func == (lhs: BenchResponse, rhs: BenchResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One instruction of a Messaging TwiML answer, in the order the document gives it.
public enum MessagingVerb: Sendable, Equatable {
    /// `<Message>`: send a message. `to` and `from` are `nil` when the document leaves them to the inbound message.
    case message(to: String?, from: String?, body: String, mediaUrls: [String], statusCallback: String?)
    /// `<Redirect>`: ask another URL for the rest of the instructions, with the same parameters.
    case redirect(url: String, method: String)
}

/// Reads the TwiML an application answers an incoming message with: `<Response>` holding `<Message>` (text, or
/// `<Body>` and `<Media>` nouns) and `<Redirect>`. Verbs after a `<Redirect>` are never reached, as on Twilio.
public enum MessagingTwiML {
    /// Why a document could not be read: Twilio's 12100, "Document parse failure".
    public struct ParseFailure: Error, Equatable, CustomStringConvertible {
        /// What was wrong.
        public var reason: String
        /// Twilio's error code for it.
        public var code: Int { 12100 }
        /// The code and the reason, as logs show them.
        public var description: String { "TwiML error \(code): \(reason)" }
    }

    /// The verbs of `document`; none for an empty answer or an empty `<Response/>`.
    public static func parse(_ document: [UInt8]) throws(ParseFailure) -> [MessagingVerb] {
        let text = String(decoding: document, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) { return [] }
        let reader = DocumentReader()
        let parser = XMLParser(data: Data(document))
        parser.delegate = reader
        guard parser.parse(), reader.failure == nil, parser.parserError == nil else {
            throw ParseFailure(reason: reader.failure ?? "not well-formed XML")
        }
        guard reader.sawResponse else { throw ParseFailure(reason: "the root element is not <Response>") }
        var verbs: [MessagingVerb] = []
        for verb in reader.verbs {
            verbs.append(verb)
            if case .redirect = verb { break }
        }
        return verbs
    }
}

/// Collects verbs as XMLParser walks the document.
private final class DocumentReader: NSObject, XMLParserDelegate {
    /// A `<Message>` being read.
    struct OpenMessage {
        var attributes: [String: String]
        var text = ""
        var bodies: [String] = []
        var media: [String] = []
        var hasNouns = false
    }

    var verbs: [MessagingVerb] = []
    var failure: String?
    var sawResponse = false
    var path: [String] = []
    var message: OpenMessage?
    var redirect: [String: String]?
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        defer { path.append(name) }
        text = ""
        switch (path.count, name) {
        case (0, "Response"): sawResponse = true
        case (0, _): fail("the root element is <\(name)>, not <Response>", parser)
        case (1, "Message"): message = OpenMessage(attributes: attributes)
        case (1, "Redirect"): redirect = attributes
        case (2, "Body"), (2, "Media"): message?.hasNouns = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if path.count == 2, path.last == "Message" { message?.text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard path.last == name else { return fail("</\(name)> closes <\(path.last ?? "")>", parser) }
        path.removeLast()
        let content = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (path.count, name) {
        case (2, "Body"): message?.bodies.append(content)
        case (2, "Media"): if !content.isEmpty { message?.media.append(content) }
        case (1, "Message"):
            guard let open = message else { return }
            message = nil
            let body = open.hasNouns ? open.bodies.joined() : open.text.trimmingCharacters(in: .whitespacesAndNewlines)
            verbs.append(.message(to: open.attributes["to"].flatMap(Self.nonEmpty), from: open.attributes["from"].flatMap(Self.nonEmpty),
                                  body: body, mediaUrls: open.media, statusCallback: open.attributes["action"].flatMap(Self.nonEmpty)))
        case (1, "Redirect"):
            let attributes = redirect ?? [:]
            redirect = nil
            guard !content.isEmpty else { return fail("<Redirect> has no URL", parser) }
            let method = (attributes["method"] ?? "POST").uppercased()
            guard method == "GET" || method == "POST" else { return fail("<Redirect> method \(method) is neither GET nor POST", parser) }
            verbs.append(.redirect(url: content, method: method))
        default: break
        }
        text = ""
    }

    /// libxml2 reports some errors, such as a mismatched end tag, without stopping; any of them fails the document.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failure = failure ?? "not well-formed XML (parser error \((parseError as NSError).code))"
    }

    func fail(_ reason: String, _ parser: XMLParser) {
        failure = failure ?? reason
        parser.abortParsing()
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

import Foundation

/// HTML as plain text, for a mail that has no `text/plain` part: tags dropped, block ends as line breaks, the
/// common entities decoded, and `<script>`/`<style>` contents left out.
public enum HTMLText {
    /// The text of `html`.
    public static func plain(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[open...]; break }
            let tag = rest[rest.index(after: open)..<close].lowercased()
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            rest = rest[rest.index(after: close)...]
            if (name == "script" || name == "style"), !tag.hasPrefix("/") {
                if let end = rest.range(of: "</\(name)", options: .caseInsensitive), let after = rest[end.upperBound...].firstIndex(of: ">") {
                    rest = rest[rest.index(after: after)...]
                } else {
                    rest = ""
                }
                continue
            }
            if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"].contains(String(name)) { output += "\n" }
        }
        output += rest
        let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]
        for (entity, character) in entities { output = output.replacingOccurrences(of: entity, with: character) }
        // Source line breaks inside HTML are not text breaks; runs of blank lines collapse.
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        return kept.joined(separator: "\n").trimmed("\n ")
    }

    /// `text` as HTML: escaped, blank-line-separated paragraphs in `<p>`, single line breaks as `<br>`.
    public static func html(fromPlain text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\r\n", with: "\n")
        let paragraphs = escaped.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        let body = paragraphs.map { "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>\n") + "</p>" }.joined(separator: "\n")
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n\(body)\n</body></html>\n"
    }
}

extension AttributePath {
    /// Parses text that must be exactly one attribute reference, such as `worker.level` or `task.agent_sid`,
    /// with the same rules for names as expressions; `nil` for anything else.
    static func parseReference(_ text: String) -> AttributePath? {
        var lexer = ExpressionLexer(text)
        guard let tokens = try? lexer.tokenize(), tokens.count == 2, case .attribute(let path) = tokens[0].kind else {
            return nil
        }
        return path
    }
}

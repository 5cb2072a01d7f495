import Testing
@testable import SwitchboardCore

@Suite struct ExpressionParserTests {
    /// Each expression and its parse, printed with every AND and OR in parentheses.
    @Test(arguments: [
        // Comparison operators, with `=` as Twilio's time-of-day samples write equality.
        ("1 == 1", "1 == 1"),
        ("1==1", "1 == 1"),
        ("taskrouter.dayOfWeek = 'Sat'", #"taskrouter.dayOfWeek == "Sat""#),
        ("0 != 1", "0 != 1"),
        (#""apple" != "orange""#, #""apple" != "orange""#),
        ("key > 1", "key > 1"),
        ("skill_rating >= 5.1", "skill_rating >= 5.1"),
        ("level < -2", "level < -2"),
        ("level <= 0.25", "level <= 0.25"),
        ("skills HAS 'support'", #"skills HAS "support""#),
        (#"language IN ["en", "es"]"#, #"language IN ["en", "es"]"#),
        ("language NOT IN ['en']", #"language NOT IN ["en"]"#),
        ("activity_name CONTAINS 'MNO'", #"activity_name CONTAINS "MNO""#),
        // Keywords in any case.
        ("skills has 'a' and x in [1] or y not in [2] or z contains 'b'",
         #"((skills HAS "a" AND x IN [1]) OR y NOT IN [2] OR z CONTAINS "b")"#),
        ("x Has 1 AnD y iN [TRUE] oR z NoT In [Null]", "((x HAS 1 AND y IN [true]) OR z NOT IN [null])"),
        // AND binds tighter than OR; a run of one operator is one group; parentheses group as written.
        ("a == 1 OR b == 2 AND c == 3", "(a == 1 OR (b == 2 AND c == 3))"),
        ("a == 1 AND b == 2 OR c == 3", "((a == 1 AND b == 2) OR c == 3)"),
        ("(a == 1 OR b == 2) AND c == 3", "((a == 1 OR b == 2) AND c == 3)"),
        ("a == 1 OR b == 2 OR c == 3", "(a == 1 OR b == 2 OR c == 3)"),
        ("(a == 1 OR b == 2) OR c == 3", "((a == 1 OR b == 2) OR c == 3)"),
        ("a == 1 AND b == 2 AND c == 3 OR d == 4", "((a == 1 AND b == 2 AND c == 3) OR d == 4)"),
        ("a == 1 && b == 2 || c == 3", "((a == 1 AND b == 2) OR c == 3)"),
        ("((a == 1))", "a == 1"),
        ("(skills HAS 'support') AND (languages HAS 'english')", #"(skills HAS "support" AND languages HAS "english")"#),
        ("(condition_a == true) OR (condition_b == true)", "(condition_a == true OR condition_b == true)"),
        // Literals.
        ("flag == false", "flag == false"),
        ("flag == TRUE", "flag == true"),
        ("value == null", "value == null"),
        (#"name == 'it\'s'"#, #"name == "it's""#),
        (#"name == "say \"hi\"""#, #"name == "say \"hi\"""#),
        (#"name == "it's""#, #"name == "it's""#),
        (#"name == 'a\\b\/c'"#, #"name == "a\\b/c""#),
        (#"name == 'line\nnext\ttab'"#, #"name == "line\nnext\ttab""#),
        (#"name == '\u00e9t\u00E9'"#, #"name == "été""#),
        ("name == 'café 日本'", #"name == "café 日本""#),
        ("taskrouter.currentTime > 0800", "taskrouter.currentTime > 800"),
        ("x == 3.141529", "x == 3.141529"),
        ("x == -0.5", "x == -0.5"),
        ("x IN []", "x IN []"),
        (#"x IN ["a", 'b', 1, -2.5, true, null]"#, #"x IN ["a", "b", 1, -2.5, true, null]"#),
        // Attribute paths, prefixes and constants on either side.
        ("task.customer.tier == 'gold'", #"task.customer.tier == "gold""#),
        ("object.array[2] == 'c'", #"object.array[2] == "c""#),
        ("a.b[0][1].c == 1", "a.b[0][1].c == 1"),
        ("task.targetWorker == worker.contact_uri", "task.targetWorker == worker.contact_uri"),
        ("'support' IN worker.skills", #""support" IN worker.skills"#),
        ("worker.sid not in task.do_not_contact", "worker.sid NOT IN task.do_not_contact"),
        ("worker.channel.chat.assigned_tasks == 0", "worker.channel.chat.assigned_tasks == 0"),
        ("prioridad_número == 1", "prioridad_número == 1"),
        // Whitespace anywhere between tokens, or none.
        ("  \t a\n==\r\n1  ", "a == 1"),
        ("(a==1)AND(b!='x')", #"(a == 1 AND b != "x")"#),
        ("x IN[1,2]", "x IN [1, 2]"),
    ])
    func parsesTheWholeGrammar(text: String, parsed: String) throws {
        #expect(try TaskRouterExpression.parse(text).description == parsed)
    }

    @Test func operandsAreConstantsOrAttributePaths() throws {
        let expression = try TaskRouterExpression.parse(#""gold" == task.customer.tier"#)
        #expect(expression == .comparison(Comparison(
            .constant(.string("gold")), .equal, .attribute(AttributePath(keys: ["task", "customer", "tier"]))
        )))
    }

    @Test func wordsAfterADotAreNamesEvenWhenTheyAreKeywords() throws {
        let expression = try TaskRouterExpression.parse("task.in == worker.and")
        #expect(expression == .comparison(Comparison(
            .attribute(AttributePath(keys: ["task", "in"])), .equal, .attribute(AttributePath(keys: ["worker", "and"]))
        )))
    }

    @Test func arrayIndexesAreStepsOfThePath() throws {
        let expression = try TaskRouterExpression.parse("object.array[2] == 'c'")
        #expect(expression == .comparison(Comparison(
            .attribute(AttributePath([.key("object"), .key("array"), .index(2)])), .equal, .constant(.string("c"))
        )))
    }

    @Test func everyComparisonOperatorHasASpelling() throws {
        for comparisonOperator in ComparisonOperator.allCases {
            let expression = try TaskRouterExpression.parse("a \(comparisonOperator.rawValue) b")
            #expect(expression == .comparison(Comparison(
                .attribute(AttributePath(keys: ["a"])), comparisonOperator, .attribute(AttributePath(keys: ["b"]))
            )))
        }
    }

    @Test func andAndOrAreGroupsOfTheirOperands() throws {
        let a = Comparison(.attribute(AttributePath(keys: ["a"])), .equal, .constant(.number(1)))
        let b = Comparison(.attribute(AttributePath(keys: ["b"])), .equal, .constant(.number(2)))
        let c = Comparison(.attribute(AttributePath(keys: ["c"])), .equal, .constant(.number(3)))
        #expect(try TaskRouterExpression.parse("a == 1 OR b == 2 AND c == 3") == .or([.comparison(a), .and([.comparison(b), .comparison(c)])]))
        #expect(try TaskRouterExpression.parse("a == 1 AND b == 2 AND c == 3") == .and([.comparison(a), .comparison(b), .comparison(c)]))
    }

    @Test func parenthesesNestUpToFiftyLevels() throws {
        let fifty = String(repeating: "(", count: 50) + "a == 1" + String(repeating: ")", count: 50)
        #expect(try TaskRouterExpression.parse(fifty).description == "a == 1")
        let fiftyOne = "(" + fifty + ")"
        let error = #expect(throws: TwilioError.self) { try TaskRouterExpression.parse(fiftyOne) }
        #expect(error?.message.contains("parentheses nest deeper than 50 levels at position 51") == true)
    }

    @Test func aLongChainOfConditionsStaysOneGroup() throws {
        let count = TaskRouterExpression.maximumComparisons
        let text = (0..<count).map { "a\($0) == \($0)" }.joined(separator: " AND ")
        let expression = try TaskRouterExpression.parse(text)
        guard case .and(let operands) = expression else {
            Issue.record("expected one AND group")
            return
        }
        #expect(operands.count == count)
        let worker = AttributeValue.object(Dictionary(uniqueKeysWithValues: (0..<count).map { ("a\($0)", AttributeValue.number(Double($0))) }))
        #expect(expression.matches(worker: worker))
    }

    @Test func moreThanFiveHundredComparisonsAreRefused() {
        let text = (0...TaskRouterExpression.maximumComparisons).map { "a\($0) == 1" }.joined(separator: " OR ")
        let error = #expect(throws: TwilioError.self) { try TaskRouterExpression.parse(text) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains("more than 500 comparisons") == true)
    }

    @Test func anExpressionLongerThanSixteenKilobytesIsRefusedWithoutEchoingIt() throws {
        let padding = String(repeating: "x", count: TextLimit.expression.maximum - "a == ''".utf8.count)
        #expect(throws: Never.self) { try TaskRouterExpression.parse("a == '\(padding)'") }
        let error = #expect(throws: TwilioError.self) { try TaskRouterExpression.parse("a == '\(padding)x'") }
        #expect(error?.code == 20001)
        #expect(error?.message == "TaskRouter expression exceeds the 16384 byte limit")
    }

    /// Each invalid expression and a part of the message it is refused with.
    @Test(arguments: [
        ("", "the expression is empty at position 1"),
        ("   ", "the expression is empty"),
        ("skills HAS 'support", "unterminated string at position 12"),
        (#"name == "open"#, "unterminated string at position 9"),
        ("a == ", "expected a value after '==' at position 6"),
        ("a HAS", "expected a value after 'HAS'"),
        ("== 1", "expected a comparison, found '==' at position 1"),
        ("a == 1 AND", "expected a comparison after 'AND' at position 11"),
        ("a == 1 OR ", "expected a comparison after 'OR'"),
        ("a == 1 &&", "expected a comparison after '&&'"),
        ("AND a == 1", "expected a comparison, found 'AND'"),
        ("(a == 1", "'(' is never closed with ')' at position 1"),
        ("((a == 1) OR b == 2", "'(' is never closed with ')' at position 1"),
        ("a == 1)", "')' has no matching '(' at position 7"),
        ("()", "expected a comparison after '(', found ')'"),
        ("(a == 1 b == 2)", "expected ')' or AND or OR before 'b'"),
        ("a IN [1, 2", "'[' is never closed with ']' at position 6"),
        ("a IN [1,, 2]", "expected an array element, found ','"),
        ("a IN [1,]", "expected an array element, found ']'"),
        ("a IN [1 2]", "expected ',' or ']' in the array, found '2'"),
        ("a IN [b]", "array elements must be strings, numbers, booleans or null; found 'b'"),
        ("a IN [[1]]", "array elements must be strings, numbers, booleans or null"),
        ("a <> 1", "unknown operator '<>' at position 3"),
        ("a === 1", "unknown operator '==='"),
        ("a ! 1", "unknown operator '!'"),
        ("a == 1 & b == 2", "unknown operator '&'"),
        ("a LIKE 'x'", "unknown operator 'LIKE' at position 3"),
        ("a", "expected a comparison operator after 'a' at position 2"),
        ("true", "expected a comparison operator after 'true'"),
        ("a NOT HAS 1", "NOT is only supported as NOT IN at position 3"),
        ("NOT a == 1", "expected a comparison, found 'NOT'"),
        ("a == 1 b == 2", "expected AND or OR before 'b' at position 8"),
        ("a == b == c", "expected AND or OR before '=='"),
        ("customer-tier == 'gold'", "hyphens are not supported in TaskRouter expressions at position 9"),
        ("a == -b", "'-' may only start a negative number"),
        ("a == 1.", "expected digits after '.'"),
        ("a == 1abc", "invalid number '1abc'"),
        (#"a == 'x\q'"#, #"unknown escape '\q' in a string at position 8"#),
        (#"a == '\u12'"#, "\\u must be followed by four hex digits"),
        ("a. == 1", "expected an attribute name after '.' at position 3"),
        ("a[x] == 1", "an array index must be a non-negative integer in square brackets at position 2"),
        ("a[-1] == 1", "an array index must be a non-negative integer"),
        ("a == #", "unexpected character '#' at position 6"),
        ("a == ‘x’", "unexpected character '‘' at position 6"),
        ("é == 'x", "unterminated string at position 6"),
    ])
    func invalidExpressionsAreRefusedWith20001(text: String, problem: String) {
        let error = #expect(throws: TwilioError.self) { try TaskRouterExpression.parse(text) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.hasPrefix("Invalid TaskRouter expression '\(text)': ") == true)
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
    }
}

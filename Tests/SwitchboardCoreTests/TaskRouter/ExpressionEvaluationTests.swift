import Testing
@testable import SwitchboardCore

@Suite struct ExpressionEvaluationTests {
    static let alice = try! AttributeValue.parseAttributes("""
        {"name": "Alice", "level": 3, "rating": 4.5, "active": true, "skills": ["support", "sales"], "scores": [1, 2, 3],
         "address": {"city": "Paris", "zip": "75001"}, "contact_uri": "client:alice", "nothing": null, "tags": []}
        """)

    /// Each expression, evaluated as a queue's TargetWorkers against Alice, and whether it matches.
    @Test(arguments: [
        // == compares scalars of the same type; strings exactly, numbers by value.
        ("name == 'Alice'", true),
        ("name == 'alice'", false),
        ("level == 3", true),
        ("level == 3.0", true),
        ("level == '3'", false),
        ("active == true", true),
        ("active == 1", false),
        ("missing == 'x'", false),
        ("missing == 0", false),
        ("nothing == null", true),
        ("missing == null", true),
        ("name == null", false),
        ("skills == 'support'", false),
        ("skills == ['support', 'sales']", false),
        ("address == 'Paris'", false),
        // != is the negation of == between scalars, so it holds for a missing attribute; arrays never compare.
        ("name != 'Bob'", true),
        ("name != 'Alice'", false),
        ("missing != 'x'", true),
        ("missing != true", true),
        ("level != '3'", true),
        ("nothing != null", false),
        ("name != null", true),
        ("skills != 'x'", false),
        ("address != 'x'", false),
        // Ordering: numbers by value, strings by characters, anything else false.
        ("level > 2", true),
        ("level > 3", false),
        ("level >= 3", true),
        ("rating < 5", true),
        ("rating <= 4.5", true),
        ("rating < 4.5", false),
        ("-1 < level", true),
        ("level > '2'", false),
        ("missing > 1", false),
        ("missing < 1", false),
        ("missing >= null", false),
        ("name > 'Aaron'", true),
        ("name < 'Bob'", true),
        ("skills > 1", false),
        ("active > false", false),
        // HAS: the array on the left has the scalar on the right.
        ("skills HAS 'support'", true),
        ("skills HAS 'billing'", false),
        ("skills HAS 'Support'", false),
        ("scores HAS 2", true),
        ("scores HAS 2.0", true),
        ("scores HAS '2'", false),
        ("name HAS 'Alice'", false),
        ("missing HAS 'x'", false),
        ("tags HAS 'x'", false),
        ("skills HAS ['support']", false),
        ("['a', 'b'] HAS 'b'", true),
        // IN: the scalar on the left is an element of the array on the right.
        ("name IN ['Alice', 'Bob']", true),
        ("name IN ['Bob']", false),
        ("name IN []", false),
        ("level IN [1, 2, 3]", true),
        ("level IN ['3']", false),
        ("missing IN ['x']", false),
        ("missing IN [null]", true),
        ("skills IN ['support']", false),
        ("name IN 'Alice'", false),
        ("'support' IN skills", true),
        ("'billing' IN skills", false),
        // NOT IN: the scalar on the left is not an element of the array on the right, missing included.
        ("name NOT IN ['Bob']", true),
        ("name NOT IN ['Alice']", false),
        ("name NOT IN []", true),
        ("missing NOT IN ['x']", true),
        ("level NOT IN ['3']", true),
        ("skills NOT IN ['x']", false),
        ("name NOT IN 'Bob'", false),
        ("name NOT IN missing", false),
        ("'billing' NOT IN skills", true),
        // CONTAINS: the string on the left contains the string on the right, case-sensitively.
        ("name CONTAINS 'lic'", true),
        ("name CONTAINS 'LIC'", false),
        ("name CONTAINS ''", true),
        ("contact_uri CONTAINS 'client:'", true),
        ("skills CONTAINS 'support'", false),
        ("level CONTAINS 3", false),
        ("missing CONTAINS 'x'", false),
        ("'client:alice:2' CONTAINS contact_uri", true),
        // Paths into objects and arrays.
        ("address.city == 'Paris'", true),
        ("address.zip == '75001'", true),
        ("address.country == null", true),
        ("address.city.name == null", true),
        ("skills[0] == 'support'", true),
        ("skills[1] == 'sales'", true),
        ("skills[2] == null", true),
        ("name[0] == 'A'", false),
        ("worker.name == 'Alice'", true),
        ("worker.address.city == 'Paris'", true),
        ("task.name == null", true),
        // Logic, precedence and constants only.
        ("name == 'Alice' AND level > 5", false),
        ("name == 'Bob' OR level > 2", true),
        ("name == 'Alice' OR level > 5 AND active == false", true),
        ("(name == 'Alice' OR level > 5) AND active == false", false),
        ("name == 'Alice' && skills HAS 'sales' || level > 100", true),
        ("1 == 1", true),
        ("1==1", true),
        ("1 == 2", false),
        ("0 != 1", true),
        (#""apple" != "orange""#, true),
        ("true == true", true),
        ("null == null", true),
    ])
    func targetWorkersMatchAWorkerAsTwilioDocuments(text: String, matches: Bool) throws {
        let expression = try TaskRouterExpression.parse(text)
        #expect(expression.matches(worker: Self.alice) == matches)
    }

    @Test func workflowFiltersReadTaskAttributesWithOrWithoutTheTaskPrefix() throws {
        let task = try AttributeValue.parseAttributes(#"{"type": "support", "customer": {"tier": "gold"}, "priority": 5}"#)
        #expect(try TaskRouterExpression.parse("customer.tier == 'gold'").matches(task: task))
        #expect(try TaskRouterExpression.parse("task.customer.tier == 'gold'").matches(task: task))
        #expect(try TaskRouterExpression.parse("type == 'support' AND priority >= 5").matches(task: task))
        #expect(try !TaskRouterExpression.parse("type == 'sales' OR priority > 5").matches(task: task))
        // No worker is in a filter's scope: `worker.` is an ordinary key of the task, absent here.
        #expect(try TaskRouterExpression.parse("worker.name == null").matches(task: task))
    }

    @Test func theSeedTargetPairsTheTaskWithTheWorkerWhoseContactURIItNames() throws {
        let target = try TaskRouterExpression.parse("task.targetWorker == worker.contact_uri")
        let task = try AttributeValue.parseAttributes(#"{"targetWorker": "client:alice"}"#)
        let bob = try AttributeValue.parseAttributes(#"{"contact_uri": "client:bob"}"#)
        #expect(target.matches(task: task, worker: Self.alice))
        #expect(!target.matches(task: task, worker: bob))
        #expect(!target.matches(task: .emptyObject, worker: Self.alice))
    }

    @Test func inAWorkflowTargetUnprefixedNamesAreWorkerAttributes() throws {
        let task = try AttributeValue.parseAttributes(#"{"name": "Bob", "needed": "sales", "level": 1}"#)
        #expect(try TaskRouterExpression.parse("name == 'Alice'").matches(task: task, worker: Self.alice))
        #expect(try TaskRouterExpression.parse("worker.name == 'Alice' AND task.name == 'Bob'").matches(task: task, worker: Self.alice))
        #expect(try TaskRouterExpression.parse("skills HAS task.needed").matches(task: task, worker: Self.alice))
        #expect(try TaskRouterExpression.parse("worker.level > task.level").matches(task: task, worker: Self.alice))
    }

    @Test func aPrefixNotInScopeIsAnOrdinaryAttributeName() throws {
        let worker = try AttributeValue.parseAttributes(#"{"task": {"kind": "x"}, "worker": "w"}"#)
        // Queue expressions have no task in scope: `task.kind` is the worker's own nested key.
        #expect(try TaskRouterExpression.parse("task.kind == 'x'").matches(worker: worker))
        // A prefix with nothing after it names the attribute itself.
        #expect(try TaskRouterExpression.parse("worker == 'w'").matches(worker: worker))
    }

    @Test func scopesDeclareTheirDefaultDocumentAndPrefixes() {
        #expect(ExpressionScope.workflowFilter.defaultRoot == .task)
        #expect(ExpressionScope.targetWorkers.defaultRoot == .worker)
        #expect(ExpressionScope.workflowTarget.defaultRoot == .worker)
        #expect(ExpressionScope.workflowFilter.recognizesPrefix(.task) && !ExpressionScope.workflowFilter.recognizesPrefix(.worker))
        #expect(ExpressionScope.targetWorkers.recognizesPrefix(.worker) && !ExpressionScope.targetWorkers.recognizesPrefix(.task))
        #expect(ExpressionScope.workflowTarget.recognizesPrefix(.task) && ExpressionScope.workflowTarget.recognizesPrefix(.worker))
    }
}

import Testing
@testable import SwitchboardCore

@Suite struct RetryPolicyTests {
    /// Hands out fixed draws, so each jittered wait is known exactly.
    struct FixedDraws: RandomNumberGenerator {
        var draws: [UInt64]
        mutating func next() -> UInt64 { draws.isEmpty ? 0 : draws.removeFirst() }
    }

    /// A small seeded generator (SplitMix64) for checks over many draws.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    let policy = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(30), totalTime: .seconds(600), maximumAttempts: 8)

    @Test(arguments: [(1, 1_000), (2, 2_000), (3, 4_000), (5, 16_000), (6, 30_000), (7, 30_000)])
    func theHighestDrawWaitsTheFullExponentialCeilingCappedAtTheMaximum(_ attempt: Int, _ milliseconds: Int64) {
        var generator = FixedDraws(draws: [.max])
        #expect(policy.delay(afterAttempt: attempt, elapsed: .zero, using: &generator) == .milliseconds(milliseconds))
    }

    @Test func theLowestDrawRetriesAtOnce() {
        var generator = FixedDraws(draws: [0])
        #expect(policy.delay(afterAttempt: 4, elapsed: .zero, using: &generator) == .zero)
    }

    @Test func aMiddleDrawWaitsHalfTheCeiling() {
        var generator = FixedDraws(draws: [1 << 63])
        // 2^63 × (8000 + 1) / 2^64, rounded down.
        #expect(policy.delay(afterAttempt: 4, elapsed: .zero, using: &generator) == .milliseconds(4_000))
    }

    @Test func everyDrawStaysWithinZeroAndTheCeiling() {
        var generator = SeededGenerator(state: 42)
        for attempt in 1..<8 {
            let ceiling = Duration.milliseconds(min(30_000, 1_000 << (attempt - 1)))
            for _ in 0..<200 {
                let delay = policy.delay(afterAttempt: attempt, elapsed: .zero, using: &generator)
                #expect(delay.map { $0 >= .zero && $0 <= ceiling } == true)
            }
        }
    }

    @Test func theSameSeedGivesTheSameSchedule() {
        var first = SeededGenerator(state: 7)
        var second = SeededGenerator(state: 7)
        let one = (1..<8).map { policy.delay(afterAttempt: $0, elapsed: .zero, using: &first) }
        let two = (1..<8).map { policy.delay(afterAttempt: $0, elapsed: .zero, using: &second) }
        #expect(one == two)
    }

    @Test func givesUpAfterTheLastAllowedAttempt() {
        var generator = FixedDraws(draws: [0, 0])
        #expect(policy.delay(afterAttempt: 7, elapsed: .zero, using: &generator) != nil)
        #expect(policy.delay(afterAttempt: 8, elapsed: .zero, using: &generator) == nil)
    }

    @Test func givesUpWhenTheWaitWouldEndPastTheTotalTime() {
        var generator = FixedDraws(draws: [.max, 0, .max])
        // Ceiling 1 s; 599.5 s elapsed leaves 0.5 s of budget.
        #expect(policy.delay(afterAttempt: 1, elapsed: .milliseconds(599_500), using: &generator) == nil)
        #expect(policy.delay(afterAttempt: 1, elapsed: .milliseconds(599_500), using: &generator) == .zero)
        #expect(policy.delay(afterAttempt: 1, elapsed: .milliseconds(599_000), using: &generator) == .seconds(1))
    }

    @Test func givesUpOnceTheTotalTimeHasPassed() {
        var generator = FixedDraws(draws: [0])
        #expect(policy.delay(afterAttempt: 1, elapsed: .seconds(600), using: &generator) == nil)
    }

    @Test func hugeAttemptNumbersSaturateAtTheCapInsteadOfOverflowing() {
        let unbounded = RetryPolicy(baseDelay: .seconds(1), maximumDelay: .seconds(30), totalTime: .seconds(1_000_000))
        var generator = FixedDraws(draws: [.max, .max])
        #expect(unbounded.delay(afterAttempt: 64, elapsed: .zero, using: &generator) == .seconds(30))
        #expect(unbounded.delay(afterAttempt: 1_000_000, elapsed: .zero, using: &generator) == .seconds(30))
    }

    @Test func subMillisecondPartsOfDurationsAreTruncated() {
        #expect(Duration.microseconds(1_500).wholeMilliseconds == 1)
        #expect(Duration.seconds(-3).wholeMilliseconds == 0)
    }
}

@Suite struct DeliveryOutcomeTests {
    @Test(arguments: [
        (DeliveryAttemptResult.connectFailed, DeliveryOutcome.retry),
        (.responseTimedOut, .retry),
        (.response(status: 200), .delivered),
        (.response(status: 204), .delivered),
        (.response(status: 301), .delivered),
        (.response(status: 399), .delivered),
        (.response(status: 408), .retry),
        (.response(status: 429), .retry),
        (.response(status: 400), .giveUp),
        (.response(status: 401), .giveUp),
        (.response(status: 404), .giveUp),
        (.response(status: 499), .giveUp),
        (.response(status: 500), .retry),
        (.response(status: 503), .retry),
        (.response(status: 599), .retry),
        (.response(status: 100), .retry),
        (.response(status: 0), .retry),
    ])
    func classifiesEachKindOfResult(_ result: DeliveryAttemptResult, _ outcome: DeliveryOutcome) {
        #expect(DeliveryOutcome(classifying: result) == outcome)
    }
}

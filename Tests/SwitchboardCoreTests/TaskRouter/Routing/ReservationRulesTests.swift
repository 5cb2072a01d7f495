import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct ReservationRulesTests {
    typealias F = RoutingFixtures

    func reservation(_ status: ReservationStatus) -> Reservation {
        Reservation(
            sid: "WR1", accountSid: "AC1", workspaceSid: "WS1", taskSid: "WT1", workerSid: "WKalice", workerName: "Alice",
            status: status, expiresAt: status == .pending ? F.now.addingTimeInterval(120) : nil, dateCreated: F.now, dateUpdated: F.now)
    }

    @Test func aNewReservationIsPendingUntilTheWorkflowsReservationTimeout() {
        let created = ReservationRules.create(
            sid: "WR1", task: F.task(), workerSid: "WKalice", workerName: "Alice", reservationTimeout: 120, now: F.now)
        #expect(created == reservation(.pending))
    }

    /// Every status against every status a client might send: the allowed moves are exactly pending to
    /// accepted or rejected, accepted to wrapping or completed, and wrapping to completed.
    static let transitions: [(ReservationStatus, ReservationStatus, Bool)] = ReservationStatus.allCases.flatMap { from in
        ReservationStatus.allCases.map { to in
            let allowed = switch (from, to) {
            case (.pending, .accepted), (.pending, .rejected), (.accepted, .wrapping), (.accepted, .completed), (.wrapping, .completed): true
            default: false
            }
            return (from, to, allowed)
        }
    }

    @Test(arguments: transitions)
    func reservationStatusMovesExactlyAsTwilioAllowsAClient(_ from: ReservationStatus, _ to: ReservationStatus, _ allowed: Bool) throws {
        let later = F.now.addingTimeInterval(3)
        if allowed {
            let moved = try ReservationRules.transition(reservation(from), to: to.rawValue, now: later)
            #expect(moved.status == to)
            #expect(moved.expiresAt == nil)
            #expect(moved.dateUpdated == later)
        } else {
            let error = #expect(throws: TwilioError.self) { try ReservationRules.transition(reservation(from), to: to.rawValue, now: later) }
            #expect(error?.code == 20001)
            #expect(error?.httpStatus == 400)
        }
    }

    @Test func anUnknownReservationStatusIsRefused() {
        let error = #expect(throws: TwilioError.self) { try ReservationRules.transition(reservation(.pending), to: "accept", now: F.now) }
        #expect(error?.message.contains("ReservationStatus") == true)
    }

    @Test(arguments: [ReservationStatus.timeout, .canceled, .rescinded])
    func taskRouterEndsAPendingReservation(_ status: ReservationStatus) throws {
        let ended = try #require(ReservationRules.end(reservation(.pending), as: status, now: F.now.addingTimeInterval(120)))
        #expect(ended.status == status)
        #expect(ended.expiresAt == nil)
        #expect(ended.status.isFinal)
    }

    @Test func onlyAPendingReservationCanBeEndedByTaskRouter() {
        #expect(ReservationRules.end(reservation(.accepted), as: .timeout, now: F.now) == nil)
        #expect(ReservationRules.end(reservation(.rejected), as: .canceled, now: F.now) == nil)
        #expect(ReservationRules.end(reservation(.pending), as: .accepted, now: F.now) == nil)
    }

    @Test func aPendingReservationExpiresAtItsTimeout() {
        let pending = reservation(.pending)
        #expect(!ReservationRules.isExpired(pending, at: F.now.addingTimeInterval(119)))
        #expect(ReservationRules.isExpired(pending, at: F.now.addingTimeInterval(120)))
        #expect(!ReservationRules.isExpired(reservation(.accepted), at: F.now.addingTimeInterval(999)))
    }

    @Test func finalStatusesAreTheOnesNothingFollows() {
        let final = ReservationStatus.allCases.filter(\.isFinal)
        #expect(final == [.rejected, .timeout, .canceled, .rescinded, .completed])
        for status in final { #expect(ReservationRules.clientMoves(from: status).isEmpty) }
    }

    // MARK: Multi-reservation

    @Test(arguments: [
        (ReservationStatus.accepted, 0, TaskAssignmentStatus.assigned as TaskAssignmentStatus?),
        (.accepted, 2, .assigned),
        (.rejected, 0, .pending),
        (.rejected, 1, .reserved),
        (.timeout, 0, .pending),
        (.timeout, 2, .reserved),
        (.wrapping, 0, .wrapping),
        (.completed, 0, .completed),
        (.rescinded, 0, nil),
        (.canceled, 0, nil),
    ])
    func aDeclinedReservationFreesItsTaskOnlyWhenNoOtherIsPending(
        _ status: ReservationStatus, _ otherPending: Int, _ expected: TaskAssignmentStatus?
    ) {
        #expect(ReservationRules.taskStatus(afterMoveTo: status, otherPendingReservations: otherPending) == expected)
    }

    @Test func aTaskMayHoldAsManyPendingReservationsAsItsQueueReservesWorkers() {
        #expect(ReservationRules.mayReserveAnother(pendingReservations: 0, maxReservedWorkers: 1))
        #expect(!ReservationRules.mayReserveAnother(pendingReservations: 1, maxReservedWorkers: 1))
        #expect(ReservationRules.mayReserveAnother(pendingReservations: 2, maxReservedWorkers: 3))
        #expect(!ReservationRules.mayReserveAnother(pendingReservations: 3, maxReservedWorkers: 3))
        // A queue stored with nonsense still reserves one worker.
        #expect(ReservationRules.mayReserveAnother(pendingReservations: 0, maxReservedWorkers: 0))
    }

    // MARK: Instruction

    @Test(arguments: [
        (nil as String?, nil as String?, nil as String?),
        ("accepted", nil, "accepted"),
        (nil, "accept", "accepted"),
        (nil, "Accept", "accepted"),
        (nil, "reject", "rejected"),
        ("accepted", "accept", "accepted"),
        ("rejected", "reject", "rejected"),
    ])
    func acceptAndRejectInstructionsAnswerTheReservationAsReservationStatusDoes(
        _ status: String?, _ instruction: String?, _ expected: String?
    ) throws {
        #expect(try ReservationRules.requestedStatus(reservationStatus: status, instruction: instruction) == expected)
    }

    @Test(arguments: ["conference", "call", "dequeue", "redirect", "supervise"])
    func voiceInstructionsAreRefusedNamingTheInstruction(_ instruction: String) {
        let error = #expect(throws: TwilioError.self) { try ReservationRules.requestedStatus(reservationStatus: nil, instruction: instruction) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains(instruction) == true)
    }

    @Test func unknownAndContradictoryInstructionsAreRefused() {
        #expect(throws: TwilioError.self) { try ReservationRules.requestedStatus(reservationStatus: nil, instruction: "teleport") }
        #expect(throws: TwilioError.self) { try ReservationRules.requestedStatus(reservationStatus: "rejected", instruction: "accept") }
        #expect(throws: TwilioError.self) { try ReservationRules.requestedStatus(reservationStatus: "completed", instruction: "reject") }
    }
}

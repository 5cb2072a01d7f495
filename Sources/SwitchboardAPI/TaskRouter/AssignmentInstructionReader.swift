import Logging
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardRouting

/// Carries out the instruction in an application's answer to an assignment callback: `accept` and `reject`
/// answer the reservation as its worker would. Switchboard places no calls, so the voice instructions are logged
/// and the reservation waits for its worker, as it does after an empty answer.
struct AssignmentInstructionReader: WebhookAnswerReader {
    let routing: RoutingEngine
    let logger: Logger

    var purpose: String { AssignmentCallback.purpose }

    func read(_ body: [UInt8], answering call: WebhookCall, answeredBy url: String, entry: OutboxEntry) async throws {
        guard case .form(let pairs) = call.body, let instruction = AssignmentCallback.instruction(in: body) else { return }
        func value(_ name: String) -> String? { pairs.first { $0.name == name }?.value }
        guard let reservationSid = value("ReservationSid"), let taskSid = value("TaskSid"), let workspaceSid = value("WorkspaceSid") else { return }
        let metadata: Logger.Metadata = ["reservation_sid": "\(reservationSid)", "task_sid": "\(taskSid)"]
        let status: ReservationStatus
        var activitySid: String?
        switch instruction {
        case .accept:
            status = .accepted
        case .reject(let activity):
            (status, activitySid) = (.rejected, activity)
        case .unsupported(let name):
            return logger.warning("Assignment callback answered with an instruction Switchboard does not carry out: \(name)", metadata: metadata)
        case .unreadable:
            return logger.warning("Assignment callback answered with a body that holds no instruction", metadata: metadata)
        }
        do {
            _ = try await routing.updateReservation(
                sid: reservationSid, taskSid: taskSid, workerSid: nil, workspaceSid: workspaceSid, status: status.rawValue,
                workerActivitySid: activitySid)
        } catch let error as TwilioError {
            // The worker answered first, or the reservation timed out: the instruction came too late to apply.
            logger.info("Assignment callback instruction not applied: \(error.message)", metadata: metadata)
        }
    }
}

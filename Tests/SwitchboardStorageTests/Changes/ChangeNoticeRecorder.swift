import Synchronization
import SwitchboardStorage

/// Records what a ``ChangeNotices`` bus tells its observers.
final class ChangeNoticeRecorder: ChangeObserver {
    private let state = Mutex<(notices: [ChangeNotice], resets: Int)>(([], 0))

    var notices: [ChangeNotice] { state.withLock { $0.notices } }
    var resets: Int { state.withLock { $0.resets } }

    func changed(_ notice: ChangeNotice) {
        state.withLock { $0.notices.append(notice) }
    }

    func everythingMayHaveChanged() {
        state.withLock { $0.resets += 1 }
    }

}

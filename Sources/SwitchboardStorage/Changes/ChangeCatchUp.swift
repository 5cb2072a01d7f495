/// A way to wait until every change committed before the call has reached the process's ``ChangeNotices``.
public protocol ChangeCatchUp: Sendable {
    /// Returns once every change committed before the call was published; throws when that cannot be known.
    func catchUp() async throws
}

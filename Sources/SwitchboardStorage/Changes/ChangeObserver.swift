/// Something that keeps copies of stored rows and must drop them when they change: a cache.
public protocol ChangeObserver: AnyObject, Sendable {
    /// The rows `notice` names changed and are committed.
    func changed(_ notice: ChangeNotice)
    /// Changes may have been missed: every copy may be stale.
    func everythingMayHaveChanged()
}

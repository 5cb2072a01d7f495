public import SwitchboardStorage

extension RoutingEngine {
    /// Asks for a routing pass of `workspaceSid` once `session`'s unit of work has committed, since routing reads
    /// committed state; the unit's `write` returns after the pass, so a caller answers with the routed result.
    public nonisolated func routeAfterCommit(workspaceSid: String, in session: any StorageSession) {
        session.afterCommit {
            // The change is committed either way; a failed pass is logged and leaves tasks for the next one.
            try? await self.route(workspaceSid: workspaceSid)
        }
    }
}

/// The window of an SMPP session: at most `size` requests wait for their responses at once; the others wait
/// here, first come first served, for a slot.
actor SMPPWindow {
    let size: Int
    private(set) var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a window of `size` slots (at least one).
    init(size: Int) {
        self.size = max(1, size)
    }

    /// How many requests wait for a slot.
    var queued: Int { waiting.count }

    /// Takes a slot, waiting for one when all are in use.
    func acquire() async {
        if inUse < size {
            inUse += 1
            return
        }
        // The releasing request hands its slot straight to the first waiter, so `inUse` stays where it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back.
    func release() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

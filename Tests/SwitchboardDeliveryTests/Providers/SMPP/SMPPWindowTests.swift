import Testing
@testable import SwitchboardDelivery

@Suite("SMPP window")
struct SMPPWindowTests {
    @Test("no more than the window's size are out at once; the rest wait their turn in order")
    func window() async {
        let window = SMPPWindow(size: 2)
        await window.acquire()
        await window.acquire()
        #expect(await window.inUse == 2)
        let order = Order()
        let third = Task { await window.acquire(); await order.record(3) }
        while await window.queued < 1 { await Task.yield() }
        let fourth = Task { await window.acquire(); await order.record(4) }
        while await window.queued < 2 { await Task.yield() }
        #expect(await order.seen.isEmpty)
        await window.release()
        await third.value
        #expect(await order.seen == [3])
        #expect(await window.inUse == 2)
        await window.release()
        await fourth.value
        #expect(await order.seen == [3, 4])
        await window.release()
        await window.release()
        #expect(await window.inUse == 0)
    }

    actor Order {
        var seen: [Int] = []
        func record(_ value: Int) { seen.append(value) }
    }
}

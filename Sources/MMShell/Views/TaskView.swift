import KernelMM

/// `task list`: each task, where it runs and its kernel stack (address, pages, zone).
enum TaskView {
    static func render(_ k: Kernel) -> String {
        var s = "  PID  COMM             CPU  STACK\n"
        for t in k.tasks {
            let running = k.cpus.firstIndex { $0.currentPID == t.pid && (t.pid != 0 || t.comm == "swapper/\($0.id)") }
            let cpu = running.map { "\($0)*" } ?? (t.pid == 0 ? "\(t.cpu)" : "\(t.cpu)")
            s += Format.right(t.pid, 5) + "  " + Format.left(t.comm, 16) + " " + Format.right(cpu, 3) + "  "
            s += t.stack.map { stackText($0, k) } ?? "init_stack in the kernel image"
            s += "\n"
        }
        let cached = k.cachedStacks.enumerated().filter { !$0.element.isEmpty }
        for (c, ids) in cached {
            s += "cpu\(c) stack cache: " + ids.compactMap { k.vmalloc.area(id: $0) }.map { Format.hex($0.start) }.joined(separator: " ") + "\n"
        }
        s += "THREAD_SIZE \(k.threadSize) (order \(k.threadSizeOrder)), " + (k.vmapStack ? "vmapped stacks (CONFIG_VMAP_STACK)" : "stacks from the page allocator") + "; KernelStack: \(k.kernelStackKB) kB; * = running\n"
        return s
    }

    static func stackText(_ st: KernelStack, _ k: Kernel) -> String {
        var t = "\(Format.hex(st.base))-\(Format.hex(st.base + UInt64(st.size) - 1))"
        if let id = st.vmapArea, let a = k.vmalloc.area(id: id) {
            let zones = Set(a.pages.compactMap { k.zoneIndex(ofPFN: Int($0)).map { k.zones[$0].type.procName } }).sorted()
            t += " vmalloc, pfns " + a.pages.map { Format.hex(Int($0)) }.joined(separator: " ") + " (\(zones.joined(separator: "/"))), guard page"
        } else if let p = st.pfn {
            let zone = k.zoneIndex(ofPFN: p).map { k.zones[$0].type.procName } ?? "?"
            t += " pages, order-\(k.threadSizeOrder) block at pfn \(Format.hex(p)) (\(zone)), no guard"
        }
        if st.maxUsed > 0 { t += ", deepest use \(st.maxUsed)" }
        return t
    }
}

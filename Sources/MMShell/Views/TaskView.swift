import KernelMM

/// The renderers of `TasksModel` (`task list`): each task, where it runs and its kernel stack (address, pages, zone).
extension TasksModel: CommandView {
    var text: String {
        var s = "  PID  COMM             CPU  STACK\n"
        for t in tasks {
            let cpu = t.runningOn.map { "\($0)*" } ?? "\(t.cpu)"
            s += Format.right(t.pid, 5) + "  " + Format.left(t.comm, 16) + " " + Format.right(cpu, 3) + "  "
            s += t.stack?.text ?? "init_stack in the kernel image"
            s += "\n"
        }
        for c in cachedStacks {
            s += "cpu\(c.cpu) stack cache: " + c.addresses.map { Format.hex($0) }.joined(separator: " ") + "\n"
        }
        s += "THREAD_SIZE \(threadSize) (order \(threadSizeOrder)), " + (vmapStack ? "vmapped stacks (CONFIG_VMAP_STACK)" : "stacks from the page allocator") + "; KernelStack: \(kernelStackKB) kB; * = running\n"
        return s
    }

    var json: JSONValue {
        .object([("thread_size", .int(threadSize)), ("vmap_stack", .bool(vmapStack)), ("kernel_stack_kb", .int(kernelStackKB)),
                 ("tasks", .array(tasks.map { t in
                     .object([("pid", .int(t.pid)), ("comm", .string(t.comm)), ("cpu", .int(t.cpu)),
                              ("running_on", t.runningOn.map { .int($0) } ?? .null),
                              ("stack", t.stack.map { st in
                                  .object([("base", .hex(st.base)), ("size", .int(st.size)), ("vmapped", .bool(st.vmapped)),
                                           ("pfns", .array(st.pfns.map { .int($0) })), ("max_used", .int(st.maxUsed))])
                              } ?? .null)])
                 })),
                 ("cached_stacks", .array(cachedStacks.map { c in .object([("cpu", .int(c.cpu)), ("addresses", .array(c.addresses.map { .hex($0) }))]) }))])
    }
}

extension TasksModel.Stack {
    /// "0x…-0x… vmalloc, pfns … (Normal), guard page" or "… pages, order-2 block at pfn … (Normal), no guard".
    var text: String {
        var t = "\(Format.hex(base))-\(Format.hex(base + UInt64(size) - 1))"
        if vmapped {
            t += " vmalloc, pfns " + pfns.map { Format.hex($0) }.joined(separator: " ") + " (\(zones.joined(separator: "/"))), guard page"
        } else if let p = pfn {
            t += " pages, order-\(threadSizeOrder) block at pfn \(Format.hex(p)) (\(zones.first ?? "?")), no guard"
        }
        if maxUsed > 0 { t += ", deepest use \(maxUsed)" }
        return t
    }
}

import KernelMM

/// The renderers of `TasksModel` (`task list`): each task, where it runs and its kernel stack (address, pages, zone).
extension TasksModel: LocalizedView {
    var text: String { text(.en) }

    func text(_ lang: Language) -> String {
        var s = "  PID  COMM             CPU  STACK\n"
        for t in tasks {
            let cpu = t.runningOn.map { "\($0)*" } ?? "\(t.cpu)"
            s += Format.right(t.pid, 5) + "  " + Format.left(t.comm, 16) + " " + Format.right(cpu, 3) + "  "
            s += t.stack?.text(lang) ?? Message.taskInitStack.text(lang)
            s += "\n"
        }
        for c in cachedStacks {
            s += Message.taskStackCache(cpu: c.cpu).text(lang) + c.addresses.map { Format.hex($0) }.joined(separator: " ") + "\n"
        }
        s += Message.taskFooter(threadSize: threadSize, order: threadSizeOrder, vmapStack: vmapStack, kernelStackKB: kernelStackKB).text(lang) + "\n"
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
    func text(_ lang: Language = .en) -> String {
        var t = "\(Format.hex(base))-\(Format.hex(base + UInt64(size) - 1))"
        if vmapped {
            t += " vmalloc, pfns " + pfns.map { Format.hex($0) }.joined(separator: " ") + " (\(zones.joined(separator: "/")))" + Message.taskStackGuard.text(lang)
        } else if let p = pfn {
            t += Message.taskStackPages(order: threadSizeOrder, pfn: p, zone: zones.first ?? "?").text(lang)
        }
        if maxUsed > 0 { t += Message.taskStackDeepest(maxUsed).text(lang) }
        return t
    }
}

import KernelMM

/// Tasks and their kernel stacks (kernel/fork.c, kernel/exit.c).
enum TaskCommands {
    static let all: [CommandSpec] = [
        CommandSpec("task", family: .tasks,
                    subcommands: [
                        CommandSpec("task create", family: .tasks, arguments: [.init("name", .name)],
                                    summary: "fork a kernel task named NAME: it gets its THREAD_SIZE kernel stack; the value is its pid",
                                    examples: ["task create worker"], mutates: true) { s, a throws(CommandError) in
                            let name = try a.string(0)
                            if s.kernel.nrThreads >= s.kernel.maxThreads {
                                // copy_process() refuses before it allocates anything: nothing is logged, the value is -EAGAIN.
                                return CommandOutput(value: .int(-11), text: s.say(.forkThreadsMax(name, running: s.kernel.nrThreads, max: s.kernel.maxThreads)))
                            }
                            guard let pid = s.kernel.taskCreate(comm: name) else {
                                // Like alloc_pages returning NULL, a fork that fails for memory is the kernel's answer, not a
                                // typing error: the reports it logged are shown and kernel_clone's -ENOMEM is the value.
                                return CommandOutput(value: .int(-12), text: s.say(.forkFailed(name)))
                            }
                            let t = s.kernel.tasks.first { $0.pid == pid }
                            return CommandOutput(value: .int(pid), text: "pid \(pid) \(name): " + (t?.stack.map { TasksModel.Stack($0, s.kernel).text(s.language) } ?? ""))
                        },
                        CommandSpec("task exit", family: .tasks, arguments: [.init("pid", .number)],
                                    summary: "the task PID exits: its kernel stack is freed, or kept in the CPU's cache of stacks",
                                    examples: ["task exit 2000"], mutates: true) { s, a throws(CommandError) in
                            let pid = try a.int(0)
                            try CPUCommands.ctx { () throws(ContextError) in try s.kernel.taskExit(pid: pid) }
                            return CommandOutput()
                        },
                        CommandSpec("task list", family: .tasks, options: PictureOptions.options([.picture, .ascii, .svg]),
                                    summary: "every task with its pid, CPU and kernel stack (--picture: as 'task stacks')",
                                    examples: ["task list"]) { s, a throws(CommandError) in
                            let o = try PictureOptions.parse(a)
                            if o.wantsPicture { return try stacks(o, s) }
                            let m = TasksModel(s.kernel)
                            return CommandOutput(view: InLanguage(view: m, language: s.language))
                        },
                        CommandSpec("task stacks", family: .tasks, options: PictureOptions.options([.picture, .ascii, .svg]),
                                    summary: "a picture of every task's kernel stack and where it lives (vmalloc or the page allocator)",
                                    examples: ["task stacks --picture"]) { s, a throws(CommandError) in
                            try stacks(try PictureOptions.parse(a), s)
                        },
                    ],
                    summary: "task create NAME | task exit PID | task list | task stacks --picture: tasks and their THREAD_SIZE kernel stacks",
                    details: "Each task has a kernel stack of THREAD_SIZE (x86-64 16 KiB, i386 8 KiB, sparc64 16 KiB = 2 × 8 KiB pages): from vmalloc with a guard page when vmap_stack is on (the x86-64 default, CONFIG_VMAP_STACK), else 2^THREAD_SIZE_ORDER pages from the page allocator (THREADINFO_GFP). Exiting frees it, or keeps it in the CPU's cache of 2 stacks for the next task.",
                    c: "pid_t kernel_clone(struct kernel_clone_args *args);", header: "kernel/fork.c", contexts: "process context",
                    examples: ["task create worker", "task list", "task exit 2000", "task stacks --picture"], mutates: true),
        CommandSpec("stack", family: .tasks, arguments: [.init("pid", .number)], options: PictureOptions.options([.picture, .ascii, .svg]),
                    subcommands: [
                        CommandSpec("stack use", family: .tasks, arguments: [.init("pid", .stackOwner), .init("bytes", .size)],
                                    summary: "a call chain that needs BYTES of task PID's kernel stack ('stack use irq BYTES': an interrupt handler on this CPU)",
                                    examples: ["stack use 1234 12K", "stack use irq 6K"], mutates: true) { s, a throws(CommandError) in
                            let bytes = try a.size(1)
                            if try a.string(0) == "irq" {
                                guard bytes <= 1 << 30 else { throw .badArgument(argument: "BYTES", value: a.raw[1], reason: .moreThanAnyStack) }
                                let r = try CPUCommands.ctx { () throws(ContextError) in try s.kernel.irqStackUse(bytes: Int(bytes)) }
                                if case .fits(let used, let left) = r {
                                    let c = s.kernel.cpus[s.kernel.currentCPU]
                                    let onIRQ = c.irqStack != nil
                                    return CommandOutput(text: onIRQ ? s.say(.irqStackUse(cpu: s.kernel.currentCPU, used: used, left: left))
                                                                     : s.say(.taskStackUseInIRQ(pid: c.currentPID, used: used, left: left)))
                                }
                                return CommandOutput()
                            }
                            let pid = try ArgumentDecoder.number(try a.string(0), "PID", "pid", a.variables)
                            guard bytes <= 1 << 30 else { throw .badArgument(argument: "BYTES", value: a.raw[1], reason: .moreThanAnyStackHint) }
                            let r = try CPUCommands.ctx { () throws(ContextError) in try s.kernel.stackUse(pid: pid, bytes: Int(bytes)) }
                            switch r {
                            case .fits(let used, let left): return CommandOutput(text: s.say(.stackFits(pid: pid, used: used, left: left, size: s.kernel.threadSize)))
                            case .guardPageHit, .stackEndCorrupted: return CommandOutput()
                            }
                        },
                    ],
                    summary: "stack use PID BYTES: a call chain that needs BYTES of the task's kernel stack (stack use irq BYTES: an interrupt handler); overflow is caught as the kernel catches it",
                    details: "A vmapped stack has an unmapped guard page below it: overflowing faults at once (\"BUG: TASK stack guard page was hit\"). A page-allocated stack has nothing below it but other memory: the overflow silently corrupts it, and only the STACK_END_MAGIC check in schedule() notices, too late. 'stack PID --picture' draws one task's stack.",
                    examples: ["stack use 1234 12K", "stack use 1234 20K", "irq_enter", "stack use irq 6K", "stack 1234 --picture"], mutates: true) { s, a throws(CommandError) in
            // stack PID --picture: one task's stack.
            let o = try PictureOptions.parse(a)
            let pid = try a.int(0)
            guard o.wantsPicture else { throw .badArgument(argument: "PID", value: a.raw[0], reason: .stackPictureOrUse) }
            guard let t = s.kernel.tasks.first(where: { $0.pid == pid }) else {
                throw .badArgument(argument: "PID", value: String(pid), reason: .noSuchTask)
            }
            guard t.stack != nil else { throw .badArgument(argument: "PID", value: String(pid), reason: .runsOnInitStack(t.comm)) }
            return try o.output(StacksPicture.build(s.kernel, pid: pid).picture(language: s.lessons.language), s, json: TasksModel(s.kernel).json)
        },
    ]

    /// task stacks: the picture of every task's stack.
    static func stacks(_ o: PictureOptions, _ s: ShellSession) throws(CommandError) -> CommandOutput {
        try o.output(StacksPicture.build(s.kernel).picture(language: s.lessons.language), s, json: TasksModel(s.kernel).json)
    }
}

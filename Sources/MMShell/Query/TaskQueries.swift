import KernelMM

/// Tasks and their kernel stacks (kernel/fork.c): `task(1).stack_size`, `count(tasks)`.
enum TaskQueries {
    static let roots: [QueryRoot] = [
        QueryRoot("task", usage: "task(PID)", arity: 1, "a task by pid: task(1).comm, task(1).stack_used") { c, a throws(QueryError) in
            guard case .int(let pid) = a[0] else { throw QueryError(.queryRootTakes("task() takes a pid", "task()에는 pid를 주세요"), column: 0) }
            guard c.kernel.tasks.contains(where: { $0.pid == pid }) else {
                throw QueryError(.queryNoTask(pid, pids: c.kernel.tasks.map { String($0.pid) }), column: 0)
            }
            return handle(pid)
        },
        QueryRoot("tasks", usage: "tasks", "every task, as a list") { c, _ throws(QueryError) in
            .list(c.kernel.tasks.map { handle($0.pid) })
        },
    ]

    static func handle(_ pid: Int) -> QueryValue { .object(QueryObject(type: "task", key: .int(pid), display: "task(\(pid))")) }

    static func tf(_ name: String, _ summary: String, _ f: @escaping @Sendable (Task, Kernel) -> QueryValue) -> QueryField {
        QueryField(name, summary) { c, o throws(QueryError) in
            guard let t = c.kernel.tasks.first(where: { $0.pid == o.intKey }) else { throw QueryError(.queryTaskExited, column: 0) }
            return f(t, c.kernel)
        }
    }

    static let types: [QueryType] = [
        QueryType("task", "struct task_struct (the parts kmemsim models)", fields: [
            tf("pid", "process id") { t, _ in .int(t.pid) },
            tf("comm", "the command name") { t, _ in .string(t.comm) },
            tf("cpu", "the CPU it last ran on") { t, _ in .int(t.cpu) },
            tf("stack", "the kernel stack's lowest address, NULL when the task has none") { t, _ in t.stack.map { .address($0.base) } ?? .null },
            tf("stack_size", "THREAD_SIZE of its stack in bytes") { t, _ in .int(t.stack?.size ?? 0) },
            tf("stack_used", "the deepest the stack has been used, in bytes") { t, _ in .int(t.stack?.maxUsed ?? 0) },
            tf("stack_vmapped", "whether the stack comes from vmalloc space (CONFIG_VMAP_STACK)") { t, _ in .bool(t.stack?.vmapArea != nil) },
        ]),
    ]
}

import KernelMM

/// Per-CPU data (include/linux/percpu-defs.h, percpu.h, mm/percpu.c): one copy per CPU, and the ways to reach
/// this CPU's copy safely.
enum PercpuCommands {
    static let types = ["int", "long", "char", "short", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "bool", "unsigned", "ulong", "pointer"]

    static func variable(_ a: Arguments, _ i: Int, _ k: Kernel) throws(CommandError) -> String {
        let name = try a.string(i)
        guard k.percpuVariable(name) != nil else {
            let known = k.percpu.variables.map(\.name)
            throw .badArgument(argument: "NAME", value: name, reason: .noPerCPUVariable(name, known: known))
        }
        return name
    }

    static func copies(_ k: Kernel, _ name: String) -> String {
        guard let v = k.percpuVariable(name) else { return "" }
        return "\(name): " + v.values.enumerated().map { "cpu\($0.offset)=\($0.element)" + ($0.offset == k.currentCPU ? "*" : "") }.joined(separator: " ")
    }

    static func thisCPU(_ op: Kernel.ThisCPUOp, checked: Bool) -> CommandSpec {
        let name = (checked ? "__this_cpu_" : "this_cpu_") + op.rawValue
        let takesValue = op == .write || op == .add
        return CommandSpec(name, family: .percpu, arguments: [.init("name", .name)] + (takesValue ? [.init("value", .number)] : []),
                           summary: checked ? "\(op.rawValue) this CPU's copy; needs preemption off (checked with CONFIG_DEBUG_PREEMPT)"
                                            : "\(op.rawValue) this CPU's copy in one preempt- and IRQ-safe instruction",
                           c: "#define \(name)(pcp\(takesValue ? ", val" : ""))", header: "include/linux/percpu-defs.h",
                           contexts: checked ? "preemption disabled" : "any context",
                           examples: ["\(name) counter" + (takesValue ? " 5" : "")], mutates: op != .read || checked) { s, a throws(CommandError) in
            let n = try variable(a, 0, s.kernel)
            let v = takesValue ? Int64(try a.int(1)) : 0
            guard let r = s.kernel.thisCPU(op, n, value: v, checked: checked) else {
                throw .badArgument(argument: "NAME", value: n, reason: .noPerCPUVariable(n, known: s.kernel.percpu.variables.map(\.name)))
            }
            return op == .read ? CommandOutput(value: .int(Int(r))) : CommandOutput(text: copies(s.kernel, n))
        }
    }

    static let all: [CommandSpec] = [
        CommandSpec("DEFINE_PER_CPU", family: .percpu, arguments: [.init("type", .word(types)), .init("name", .name)],
                    summary: "define a per-CPU variable (as a module would): one zeroed copy per CPU in the first chunk's reserved area",
                    details: "A module's static per-CPU variables live in the 8 KiB reserved area of the first chunk (PERCPU_MODULE_RESERVE). Each CPU's copy is at the same offset in its own unit.",
                    c: "#define DEFINE_PER_CPU(type, name)", header: "include/linux/percpu-defs.h", contexts: "declaration",
                    examples: ["DEFINE_PER_CPU int counter", "DEFINE_PER_CPU(long, hits)"], mutates: true) { s, a throws(CommandError) in
            let type = try a.string(0), name = try a.string(1)
            guard s.kernel.percpuTypeSize(type) != nil else { throw .badArgument(argument: "TYPE", value: type, reason: .usePercpuType(types)) }
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw .badArgument(argument: "NAME", value: name, reason: .notCIdentifier)
            }
            guard s.kernel.percpuVariable(name) == nil else { throw .badArgument(argument: "NAME", value: name, reason: .alreadyDefined) }
            guard let v = s.kernel.definePerCPU(type: type, name: name), let base = s.kernel.percpu.chunks.first?.base else {
                throw .localized(.perCPUReservedFull(name))
            }
            let addr = base + UInt64(v.offset)
            return CommandOutput(value: .address(addr), text: s.say(.perCPUDefined(type: type, name: name, size: v.size, offset: v.offset, cpu0: addr, unitSize: s.kernel.percpu.unitSize)))
        },
        CommandSpec("per_cpu", family: .percpu, arguments: [.init("name", .name), .init("cpu", .number)],
                    summary: "read CPU N's copy of a per-CPU variable",
                    c: "#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))", header: "include/linux/percpu-defs.h", contexts: "any context",
                    examples: ["per_cpu counter 1"]) { s, a throws(CommandError) in
            let n = try variable(a, 0, s.kernel), c = try a.int(1)
            guard let v = s.kernel.perCPU(n, cpu: c) else { throw .badArgument(argument: "CPU", value: String(c), reason: .cpusAre(s.kernel.cpus.count)) }
            return CommandOutput(value: .int(Int(v)))
        },
        CommandSpec("get_cpu_var", family: .percpu, arguments: [.init("name", .name)],
                    summary: "disable preemption and read this CPU's copy (pair with put_cpu_var)",
                    c: "#define get_cpu_var(var) (*({ preempt_disable(); this_cpu_ptr(&var); }))", header: "include/linux/percpu-defs.h",
                    contexts: "any context", examples: ["get_cpu_var counter"], mutates: true) { s, a throws(CommandError) in
            let n = try variable(a, 0, s.kernel)
            return CommandOutput(value: .int(Int(s.kernel.getCPUVar(n) ?? 0)))
        },
        CommandSpec("put_cpu_var", family: .percpu, arguments: [.init("name", .name)],
                    summary: "enable preemption after get_cpu_var",
                    c: "#define put_cpu_var(var) preempt_enable()", header: "include/linux/percpu-defs.h",
                    contexts: "any context", examples: ["put_cpu_var counter"], mutates: true) { s, a throws(CommandError) in
            _ = try variable(a, 0, s.kernel)
            s.kernel.putCPUVar(try a.string(0))
            return CommandOutput(text: CPUCommands.contextLine(s.kernel, s.language))
        },
    ] + Kernel.ThisCPUOp.allCases.flatMap { [thisCPU($0, checked: false), thisCPU($0, checked: true)] } + [
        CommandSpec("alloc_percpu", family: .percpu, arguments: [.init("size", .size), .init("align", .number, optional: true)],
                    summary: "allocate SIZE bytes per CPU (one copy in every unit); returns the pointer to CPU 0's copy",
                    details: "First fit in the first chunk's dynamic area, then in later chunks; when all are full a new chunk is made in vmalloc space and its pages are populated as allocations need them (one page per CPU at a time).",
                    c: "void __percpu *__alloc_percpu(size_t size, size_t align);", header: "include/linux/percpu.h",
                    contexts: "process context (takes a mutex, may sleep)", examples: ["p = alloc_percpu 64", "p = alloc_percpu 4096 4096"], mutates: true) { s, a throws(CommandError) in
            let size = try a.size(0)
            let align = try a.int(1, default: 8)
            guard size <= UInt64(Int.max) else { throw .badNumber(a.raw[0], what: "size") }
            return CommandOutput(value: s.kernel.allocPercpu(size: Int(size), align: align).map { .address($0) } ?? .null)
        },
        CommandSpec("free_percpu", family: .percpu, arguments: [.init("ptr", .address)],
                    summary: "free a per-CPU allocation (all its copies); an emptied extra chunk is given back",
                    c: "void free_percpu(void __percpu *__pdata);", header: "include/linux/percpu.h", contexts: "any context",
                    examples: ["free_percpu $p"], mutates: true) { s, a throws(CommandError) in
            s.kernel.freePercpu(try a.address(0))
            return CommandOutput()
        },
        CommandSpec("per_cpu_ptr", family: .percpu, arguments: [.init("ptr", .address), .init("cpu", .number)],
                    summary: "the address of CPU N's copy: ptr + N × unit size",
                    c: "#define per_cpu_ptr(ptr, cpu)", header: "include/linux/percpu-defs.h", contexts: "any context",
                    examples: ["per_cpu_ptr $p 2"]) { s, a throws(CommandError) in
            let p = try a.address(0), c = try a.int(1)
            guard c >= 0, c < s.kernel.cpus.count else { throw .badArgument(argument: "CPU", value: String(c), reason: .cpusAre(s.kernel.cpus.count)) }
            return CommandOutput(value: .address(s.kernel.perCPUPtr(p, cpu: c)))
        },
        CommandSpec("percpu", family: .percpu, options: PictureOptions.options([.picture, .ascii, .svg]),
                    summary: "the per-CPU chunks: units, static/reserved/dynamic areas, what lives in each (--picture: drawn per CPU)",
                    examples: ["percpu", "percpu --picture", "percpu --svg percpu.svg"]) { s, a throws(CommandError) in
            let o = try PictureOptions.parse(a)
            if o.arguments.has(0) { throw .tooManyArguments(command: "percpu", usage: "percpu [--picture] [--ascii] [--svg FILE]") }
            let m = PercpuModel(s.kernel)
            if o.wantsPicture { return try o.output(PercpuPicture.build(s.kernel).picture(language: s.lessons.language), s, json: m.json) }
            return CommandOutput(view: InLanguage(view: m, language: s.language))
        },
    ]
}

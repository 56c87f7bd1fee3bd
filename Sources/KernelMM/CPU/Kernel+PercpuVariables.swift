/// DEFINE_PER_CPU and the accessors of include/linux/percpu-defs.h on variables defined at the prompt.
extension Kernel {
    /// C types a per-CPU variable may have, with their sizes on this architecture.
    public func percpuTypeSize(_ type: String) -> Int? {
        switch type {
        case "char", "u8", "s8", "bool": 1
        case "short", "u16", "s16": 2
        case "int", "unsigned", "u32", "s32": 4
        case "long", "unsigned long", "ulong", "void*", "pointer": arch.is64Bit ? 8 : 4
        case "u64", "s64", "long long": 8
        default: nil
        }
    }

    /// DEFINE_PER_CPU(type, name) in a loaded module: space in the reserved area, one zeroed copy per CPU.
    /// Returns nil when the reserved area is full (the module would fail to load with -ENOMEM).
    public mutating func definePerCPU(type: String, name: String) -> PercpuVariable? {
        guard let size = percpuTypeSize(type) else { return nil }
        guard let addr = allocPercpu(size: size, align: size, reserved: true, caller: "DEFINE_PER_CPU(\(type), \(name))"),
              let first = percpu.chunks.first else { return nil }
        let v = PercpuVariable(name: name, type: type, size: size, offset: Int(addr - first.base),
                               values: Array(repeating: 0, count: params.cpus))
        percpu.variables.append(v)
        return v
    }

    public func percpuVariable(_ name: String) -> PercpuVariable? { percpu.variables.first { $0.name == name } }

    /// Wraps a value to the variable's width, as the C store would.
    static func wrap(_ v: Int64, size: Int) -> Int64 {
        guard size < 8 else { return v }
        let bits = size * 8
        let m = (Int64(1) << bits) - 1
        var x = v & m
        if x >= Int64(1) << (bits - 1) { x -= Int64(1) << bits }
        return x
    }

    /// per_cpu(var, cpu).
    public func perCPU(_ name: String, cpu: Int) -> Int64? {
        guard let v = percpuVariable(name), cpu >= 0, cpu < v.values.count else { return nil }
        return v.values[cpu]
    }

    /// Writes one CPU's copy (per_cpu(var, cpu) = value).
    public mutating func setPerCPU(_ name: String, cpu: Int, _ value: Int64) {
        guard let i = percpu.variables.firstIndex(where: { $0.name == name }), cpu >= 0, cpu < params.cpus else { return }
        percpu.variables[i].values[cpu] = Self.wrap(value, size: percpu.variables[i].size)
    }

    /// The operations of this_cpu_* / __this_cpu_*.
    public enum ThisCPUOp: String, Sendable, CaseIterable {
        case read, write, add, inc, dec
        /// The operation __this_cpu_preempt_check() is given: inc and dec are written as add.
        var checkedName: String { self == .inc || self == .dec ? "add" : rawValue }
    }

    /// this_cpu_OP(var[, val]) (preempt- and IRQ-safe: one instruction on x86) or, with `checked`, __this_cpu_OP,
    /// which CONFIG_DEBUG_PREEMPT checks like smp_processor_id(). Returns the value after the operation.
    public mutating func thisCPU(_ op: ThisCPUOp, _ name: String, value: Int64 = 0, checked: Bool) -> Int64? {
        guard let i = percpu.variables.firstIndex(where: { $0.name == name }) else { return nil }
        if checked {
            // include/linux/percpu-defs.h: __this_cpu_inc/dec are __this_cpu_add(pcp, ±1), so the check names "add".
            checkPreemptionDisabled(what: "__this_cpu_\(op.checkedName)()", caller: "__this_cpu_preempt_check+0x13/0x20")
        }
        let c = currentCPU
        let size = percpu.variables[i].size
        var x = percpu.variables[i].values[c]
        switch op {
        case .read: break
        case .write: x = value
        case .add: x = x &+ value
        case .inc: x = x &+ 1
        case .dec: x = x &- 1
        }
        percpu.variables[i].values[c] = Self.wrap(x, size: size)
        clock.tick()
        return percpu.variables[i].values[c]
    }

    /// get_cpu_var(var): preempt_disable(), then this CPU's copy.
    public mutating func getCPUVar(_ name: String) -> Int64? {
        guard percpuVariable(name) != nil else { return nil }
        preemptDisable(caller: "get_cpu_var")
        return percpuVariable(name)?.values[currentCPU]
    }

    /// put_cpu_var(var): preempt_enable().
    @discardableResult
    public mutating func putCPUVar(_ name: String) -> Bool {
        preemptEnable(caller: "put_cpu_var")
    }
}

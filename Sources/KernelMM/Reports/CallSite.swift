/// Where the learner's code calls the kernel from. Each command at the prompt runs inside a function of a pretend
/// module, kmemsim (the Nth command is kmemsim_cmd_N), so the kernel names it the way %pS prints a return address:
/// `kmemsim_cmd_7+0x1c/0x40 [kmemsim]` — in /proc/vmallocinfo, SLUB's "Allocated in", SLAB's "Last user", the
/// trace's call_site, "Preemption disabled at:" and the end of every call trace.
public struct CallSite: Sendable, Equatable, Codable {
    /// The command's number in the session (the function's name; set per line, so it costs no string until printed).
    public var serial: Int
    /// Kernel C: the C function making the call and its module (prompt code belongs to kmemsim).
    public var functionName: String?
    public var moduleName: String?
    public var function: String { functionName ?? "kmemsim_cmd_\(serial)" }
    public var module: String { moduleName ?? "kmemsim" }

    public init(serial: Int, functionName: String? = nil, moduleName: String? = nil) {
        self.serial = serial
        self.functionName = functionName
        self.moduleName = moduleName
    }
    /// The function's first instruction in module space, so "[<address>]" and the symbol agree.
    public func base(is64Bit: Bool) -> UInt64 { Self.moduleText(is64Bit: is64Bit) &+ UInt64(max(0, serial)) &* UInt64(Self.functionSize) }

    /// The call instructions inside the pretend function (its size is 0x40): one return address per kind of call.
    public enum Call: Int, Sendable {
        case alloc = 0x1c, free = 0x2c, preempt = 0x15, other = 0x33
    }

    public static let functionSize = 0x40
    /// Where kmemsim's module text is loaded: above MODULES_VADDR on x86-64; inside vmalloc space on i386, whose
    /// MODULES_VADDR is VMALLOC_START (the 32-bit kernel prints the address in 8 digits).
    static func moduleText(is64Bit: Bool) -> UInt64 { is64Bit ? 0xffff_ffff_c0a0_b000 : 0xf8a0_b000 }

    /// The pretend function of the learner's `n`th command.
    public static func command(_ n: Int) -> CallSite { CallSite(serial: n) }

    public func address(_ c: Call, is64Bit: Bool) -> UInt64 { base(is64Bit: is64Bit) &+ UInt64(c.rawValue) }

    /// %pS: function+0xoffset/0xsize [module].
    public func symbol(_ c: Call) -> String {
        function + "+0x" + String(c.rawValue, radix: 16) + "/0x" + String(Self.functionSize, radix: 16) + " [" + module + "]"
    }
}

/// A code address as print_ip_sym() shows it: "[<address>] symbol".
public struct CodeAddress: Sendable, Equatable, Codable {
    public var address: UInt64
    public var symbol: String
}

extension Kernel {
    /// %pS of the learner's call, or the kernel function's name with a plausible offset when the call comes from the
    /// kernel itself (boot, work items) or from a test that set no call site.
    func callerSymbol(_ api: String, _ c: CallSite.Call) -> String {
        callSite?.symbol(c) ?? api + "+0x" + String(c.rawValue, radix: 16) + "/0x" + String(CallSite.functionSize + (c == .free ? 0x10 : 0), radix: 16)
    }

    /// The address and symbol of the learner's call (print_ip_sym()), or the kernel function's name.
    func callerAddress(_ api: String, _ c: CallSite.Call) -> CodeAddress {
        if let s = callSite { return CodeAddress(address: s.address(c, is64Bit: arch.is64Bit), symbol: s.symbol(c)) }
        return CodeAddress(address: CallSite.moduleText(is64Bit: arch.is64Bit) &+ UInt64(c.rawValue), symbol: api)
    }
}

import KernelMM

/// One boot parameter, declared once: `boot KEY=VALUE` at the prompt, the kmemsim flag `--FLAG VALUE`, Tab
/// completion, a lesson's `machine:` block, `help boot` and README's list all read `BootParameter.all`.
///
/// A parameter reads and writes one field of `BootParams` (KernelMM/Machine/BootParams.swift, whose initial values are
/// the defaults); what it accepts is its `kind`, and its meaning is a whole sentence per language.
public struct BootParameter: Sendable {
    public enum Kind: Sendable, Equatable {
        /// One of these words.
        case choice([String])
        /// A size with an optional K/M/G suffix, at least `BootParams.minMemory`, at most the architecture's.
        case size
        /// A whole number in the range (the architecture may allow fewer: cpus).
        case integer(ClosedRange<Int>)
        case onOff
        /// SLUB's slub_debug letters (with an optional `,cache` list), or on/off; SLAB takes on/off.
        case slabDebug
        /// Any unsigned 64-bit number.
        case seed
    }

    /// The kernel command-line spelling (`min_free_kbytes`).
    public let name: String
    /// Other spellings `boot` accepts (the kernel's older name).
    public let aliases: [String]
    public let kind: Kind
    /// What it changes, for `help boot` and the flag's help.
    public let help: Message
    /// The current value as `boot` would take it back; nil when the kernel derives it (see `derivedDefault`).
    let read: @Sendable (BootParams) -> String?
    let write: @Sendable (inout BootParams, String) throws(CommandError) -> Void

    /// The kmemsim flag: `--` and the name with dashes (`--min-free-kbytes`).
    public var flag: String { String(name.map { $0 == "_" ? "-" : $0 }) }
    /// The value a machine booted with no parameters has ("x86_64", "4G"), or nil when the kernel computes it.
    public var defaultValue: String? { read(BootParams()) }
    /// `help boot`'s words for a default the kernel computes.
    public var derivedDefault: Message? {
        guard defaultValue == nil else { return nil }
        switch name {
        case "min_free_kbytes": return Message(en: "computed (init_per_zone_wmark_min)", ko: "커널이 계산 (init_per_zone_wmark_min)")
        default: return Message(en: "the architecture's", ko: "아키텍처 기본값")
        }
    }

    public func apply(_ value: String, to p: inout BootParams) throws(CommandError) { try write(&p, value) }
    public func value(in p: BootParams) -> String? { read(p) }

    public static func named(_ key: String) -> BootParameter? { all.first { $0.name == key || $0.aliases.contains(key) } }

    /// Every parameter, in the order `help boot`, completion and README list them.
    public static let all: [BootParameter] = [
        BootParameter(name: "arch", aliases: [], kind: .choice(Architecture.allCases.map(\.rawValue)),
                      help: Message(en: "the architecture: page size, zones, address layout, CPUs",
                                    ko: "아키텍처: 페이지 크기, 존, 주소 배치, CPU 수가 달라집니다"),
                      read: { $0.arch.rawValue }) { p, v throws(CommandError) in
            guard let a = Architecture.named(v) else {
                throw .badArgument(argument: "arch", value: v, reason: .chooseArchitecture(Architecture.allCases.map(\.rawValue)))
            }
            p.arch = a
        },
        BootParameter(name: "mem", aliases: [], kind: .size,
                      help: Message(en: "installed RAM, e.g. 512M, 4G", ko: "설치된 RAM 크기, 예: 512M, 4G"),
                      read: { Format.sizeArgument($0.memory) }) { p, v throws(CommandError) in
            guard let m = NumberParser.size(v), m > 0 else { throw .badNumber(v, what: "memory size") }
            p.memory = m
        },
        BootParameter(name: "cpus", aliases: [], kind: .integer(1...BootParams.maxCPUs),
                      help: Message(en: "the number of CPUs (i386 has at most 8)", ko: "CPU 개수 (i386은 최대 8개)"),
                      read: { String($0.cpus) }) { p, v throws(CommandError) in
            guard let n = NumberParser.integer(v) else { throw .badNumber(v, what: "CPU count") }
            p.cpus = n
        },
        BootParameter(name: "slab", aliases: [], kind: .choice(SlabAllocatorKind.allCases.map(\.rawValue)),
                      help: Message(en: "the slab allocator: SLUB (6.6's default) or the three-list SLAB",
                                    ko: "slab 할당자: SLUB(6.6 기본값) 또는 리스트 세 개를 쓰는 SLAB"),
                      read: { $0.slab.rawValue }) { p, v throws(CommandError) in
            guard let k = SlabAllocatorKind(rawValue: v.lowercased()) else {
                throw .badArgument(argument: "slab", value: v, reason: .chooseSlabAllocator)
            }
            p.slab = k
        },
        BootParameter(name: "min_free_kbytes", aliases: [], kind: .integer(128...262_144),
                      help: Message(en: "the min watermark's total in KiB (vm.min_free_kbytes)", ko: "min 워터마크 합계(KiB, vm.min_free_kbytes)"),
                      read: { $0.minFreeKbytes.map(String.init) }) { p, v throws(CommandError) in
            guard let n = NumberParser.integer(v) else { throw .badNumber(v, what: "min_free_kbytes") }
            p.minFreeKbytes = n
        },
        BootParameter(name: "pcp", aliases: [], kind: .onOff,
                      help: Message(en: "per-CPU page lists for orders 0 to 3; off shows every allocation in buddyinfo at once",
                                    ko: "order 0~3용 CPU별 페이지 리스트. off이면 모든 할당이 buddyinfo에 바로 보입니다"),
                      read: { onOff($0.pcpLists) }) { p, v throws(CommandError) in
            p.pcpLists = try onOff(v, "pcp")
        },
        BootParameter(name: "slab_debug", aliases: ["slub_debug"], kind: .slabDebug,
                      help: Message(en: "slab debugging: SLUB letters F Z P U T (optionally ,cache), or on for SLAB's CONFIG_DEBUG_SLAB",
                                    ko: "slab 디버깅: SLUB 글자 F Z P U T(,캐시 이름을 붙일 수 있음), SLAB이면 on(CONFIG_DEBUG_SLAB)"),
                      read: { $0.slabDebug }) { p, v throws(CommandError) in
            p.slabDebug = v
        },
        BootParameter(name: "vmap_stack", aliases: [], kind: .onOff,
                      help: Message(en: "kernel stacks from vmalloc with a guard page (CONFIG_VMAP_STACK, x86_64)",
                                    ko: "커널 스택을 가드 페이지가 있는 vmalloc에서 받습니다(CONFIG_VMAP_STACK, x86_64)"),
                      read: { $0.vmapStack.map(onOff) }) { p, v throws(CommandError) in
            p.vmapStack = try onOff(v, "vmap_stack")
        },
        BootParameter(name: "4kstacks", aliases: [], kind: .onOff,
                      help: Message(en: "one-page kernel stacks on i386 (CONFIG_4KSTACKS, removed in 2.6.37)",
                                    ko: "i386에서 한 페이지짜리 커널 스택(CONFIG_4KSTACKS, 2.6.37에서 없어짐)"),
                      read: { onOff($0.fourKStacks) }) { p, v throws(CommandError) in
            p.fourKStacks = try onOff(v, "4kstacks", reason: .onOffI386Only)
        },
        BootParameter(name: "irq_stacks", aliases: [], kind: .onOff,
                      help: Message(en: "separate per-CPU IRQ stacks; off runs interrupt handlers on the interrupted task's stack",
                                    ko: "CPU별 IRQ 스택을 따로 둡니다. off이면 인터럽트 핸들러가 끼어든 태스크의 스택 위에서 돕니다"),
                      read: { onOff($0.irqStacks) }) { p, v throws(CommandError) in
            p.irqStacks = try onOff(v, "irq_stacks")
        },
        BootParameter(name: "seed", aliases: [], kind: .seed,
                      help: Message(en: "the seed for anything random (quizzes, random workloads)", ko: "무작위로 정하는 모든 것(퀴즈, 무작위 작업)의 시드"),
                      read: { String($0.seed) }) { p, v throws(CommandError) in
            guard let n = NumberParser.unsigned(v) else { throw .badNumber(v, what: "seed") }
            p.seed = n
        },
    ]

    /// The names, for error messages and completion.
    public static var names: [String] { all.map(\.name) }

    /// `arch= mem= … pcp=on|off …`: the `boot` command's summary list.
    static var summaryList: String {
        all.map { $0.name + "=" + ($0.kind == .onOff ? "on|off" : "") }.joined(separator: " ")
    }

    static func onOff(_ b: Bool) -> String { b ? "on" : "off" }

    static func onOff(_ v: String, _ name: String, reason: Message = .onOff) throws(CommandError) -> Bool {
        guard let b = BootParamParser.bool(v) else { throw .badArgument(argument: name, value: v, reason: reason) }
        return b
    }
}

extension BootParameter {
    /// The flag of a parameter by name (the executable declares one option per parameter with it).
    public static func flag(_ name: String) -> String { named(name)?.flag ?? name }

    /// `--FLAG`'s help line: what it changes and its default, in English (the --help page's language).
    public static func argumentHelpText(_ name: String) -> String { argumentHelpText(name, .en) }

    /// The same line in `lang` (the Korean `kmemsim --help` page reads it).
    public static func argumentHelpText(_ name: String, _ lang: Language) -> String {
        guard let p = named(name) else { return name }
        let d = p.defaultValue.map { $0.isEmpty ? Message.bootDefaultEmpty : .bootDefault($0) } ?? .bootDefault(p.derivedDefault?.text(lang) ?? "")
        return p.help.text(lang) + "; " + d.text(lang)
    }
}

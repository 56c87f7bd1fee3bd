import KernelMM

/// `config`: the booted kernel's configuration as .config lines, under the menu comments `make` writes, as
/// `zcat /proc/config.gz` shows it on a real machine (only the options kmemsim models).
enum ConfigView {
    static func line(_ o: KernelConfig.Option) -> String {
        switch o.value {
        case .yes: "\(o.name)=y"
        case .notSet: "# \(o.name) is not set"
        case .number(let n): "\(o.name)=\(n)"
        case .hex(let h): "\(o.name)=0x\(String(h, radix: 16))"
        case .string(let t): "\(o.name)=\"\(t)\""
        }
    }

    static func selected(_ c: KernelConfig, matching: String?) -> [KernelConfig.Option] {
        guard let m = matching?.uppercased(), !m.isEmpty else { return c.options }
        return c.options.filter { $0.name.contains(m) }
    }

    /// The .config text; empty when `matching` selects nothing.
    static func render(_ c: KernelConfig, matching: String?) -> String {
        let options = selected(c, matching: matching)
        guard !options.isEmpty else { return "" }
        let archName = c.arch.sourceDirectory
        var t = "#\n# Automatically generated file; DO NOT EDIT.\n# Linux/\(archName) 6.6.0 Kernel Configuration\n#\n"
        for menu in KernelConfig.Menu.allCases {
            let lines = options.filter { $0.menu == menu }
            guard !lines.isEmpty else { continue }
            t += "\n#\n# \(menu.rawValue)\n#\n"
            for o in lines { t += line(o) + "\n" }
        }
        return t
    }

    static func json(_ c: KernelConfig, matching: String?) -> JSONValue {
        .array(selected(c, matching: matching).map { o in
            let v: JSONValue
            switch o.value {
            case .yes: v = .string("y")
            case .notSet: v = .null
            case .number(let n): v = .int(n)
            case .hex(let h): v = .hex(h)
            case .string(let s): v = .string(s)
            }
            return .object([("name", .string(o.name)), ("value", v), ("menu", .string(o.menu.rawValue))])
        })
    }
}

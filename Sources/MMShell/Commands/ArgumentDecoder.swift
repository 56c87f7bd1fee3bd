import KernelMM

/// Turns a command's words into `Arguments` by what the command table declares: the sub-command, then the options
/// (anywhere after the command word), then each positional word by its kind. Every error about the shape of a line
/// (a missing or extra argument, an unknown option or word, a number that is not one) comes from here, before the
/// command touches anything.
enum ArgumentDecoder {
    /// The spec of positional argument `i` (the last one repeats for variadic commands).
    static func spec(_ c: CommandSpec, _ i: Int) -> ArgumentSpec {
        let a = c.arguments
        return i < a.count ? a[i] : (a.last ?? ArgumentSpec("argument", .text))
    }

    /// The kernel is only read, here and in `value` and `page`. It is `inout` so that it is passed by its address:
    /// borrowed out of the session the shell holds `inout`, it was copied whole (588 bytes) into a temporary first,
    /// at every call.
    static func decode(_ top: CommandSpec, words: [String], rest: String, line: String,
                       variables: [String: ShellValue], kernel: inout Kernel) throws(CommandError) -> Arguments {
        var command = top
        var words = words
        // The first word names a sub-command; a bare command runs its own `run` (if it has one).
        if !top.subcommands.isEmpty {
            let choices = top.subcommands.map(\.word)
            if let first = words.first, let sub = top.subcommand(first) {
                command = sub
                words.removeFirst()
            } else if top.run == nil {
                guard let first = words.first else { throw .missingArgument(command: top.name, argument: "ACTION", usage: top.usage) }
                throw .notOneOf(argument: top.name, value: first, choices: choices, suggestion: Suggest.closest(first, in: choices))
            } else if let first = words.first, top.arguments.isEmpty, !first.hasPrefix("-") {
                throw .notOneOf(argument: top.name, value: first, choices: choices, suggestion: Suggest.closest(first, in: choices))
            }
        }

        // Options: a declared name (or alias) anywhere; an undeclared `--word` is refused when the command has options
        // (elsewhere it is an argument like any other, and its kind decides).
        var positional: [String] = []
        var options: [(name: String, value: ArgumentValue?)] = []
        // A command without options takes every word as it is (the words' own array, not a copy built word by word).
        if command.options.isEmpty { positional = words } else { positional.reserveCapacity(words.count) }
        var i = command.options.isEmpty ? words.count : 0
        while i < words.count {
            let w = words[i]
            guard w.firstUTF8Byte == 0x2d, !command.options.isEmpty else {
                positional.append(w)
                i += 1
                continue
            }
            guard let opt = command.options.first(where: { $0.name == w || $0.aliases.contains(w) }) else {
                // `-x` too, but not a negative number (`-1`).
                if w.utf8.count > 1, !(w.dropFirst().first?.isNumber ?? false) {
                    throw .unknownOption(command: command.name, option: w, allowed: command.options.map(\.usage),
                                         suggestion: Suggest.closest(w, in: command.options.map(\.name)))
                }
                positional.append(w)
                i += 1
                continue
            }
            if let v = opt.value {
                guard i + 1 < words.count, !words[i + 1].hasPrefix("--") else {
                    throw .optionNeedsValue(option: opt.name, usage: opt.usage)
                }
                options.append((opt.name, try value(words[i + 1], v, command: command, variables: variables, kernel: &kernel)))
                i += 2
            } else {
                options.append((opt.name, nil))
                i += 1
            }
        }

        // Positional arguments: at most as many as declared (a variadic command or a trailing `.text` takes more), and
        // every required one present.
        let declared = command.arguments
        // A match, not `== .text`: the synthesized == of a kind with payloads was a call, every line.
        let openEnded: Bool
        if command.variadic { openEnded = true } else if case .text? = declared.last?.kind { openEnded = true } else { openEnded = false }
        if positional.count > declared.count && !openEnded {
            throw .tooManyArguments(command: command.name, usage: command.usage)
        }
        // (An expression argument lives in `rest`: the command says what it needs, e.g. `print` with nothing.)
        if let missing = declared.indices.first(where: { $0 >= positional.count && !declared[$0].optional
                                                          && declared[$0].kind != .text }) {
            throw .missingArgument(command: command.name, argument: declared[missing].name.uppercased(), usage: command.usage)
        }
        var values = ArgumentValues()
        for n in positional.indices {
            // A declared spec is read in place in the array read above: a copy was a retain of its name and of its
            // kind, for every argument of every line.
            if n < declared.count {
                values.append(try value(positional[n], declared[n], command: command, variables: variables, kernel: &kernel),
                              readAs: ArgumentRead.decoded(declared[n].kind))
                continue
            }
            let s = spec(command, n)
            // Words after a `.text` argument belong to it: kept as typed.
            if !command.variadic { values.append(.word(positional[n]), readAs: ArgumentRead.decoded(s.kind)); continue }
            values.append(try value(positional[n], s, command: command, variables: variables, kernel: &kernel), readAs: ArgumentRead.decoded(s.kind))
        }
        return Arguments(command: command, raw: positional, rest: rest, variables: variables, line: line,
                         values: values, options: options)
    }

    /// One word decoded as `spec.kind`.
    static func value(_ t: String, _ spec: ArgumentSpec, command: CommandSpec, variables: [String: ShellValue],
                      kernel: inout Kernel) throws(CommandError) -> ArgumentValue {
        // The upper-case name is for error messages only: made when one is thrown, not for every argument.
        func name() -> String { spec.name.uppercased() }
        switch spec.kind {
        case .gfp: return .gfp(try GFPParser.parse(t, variables: variables))
        case .number: return .number(try number(t, name(), spec.name, variables))
        case .order:
            let n = try number(t, name(), spec.name, variables)
            guard n >= 0 else { throw .badOrder(value: n, reason: .negative) }
            guard n <= 63 else { throw .badOrder(value: n, reason: .tooLarge) }
            return .number(n)
        case .size: return .size(try size(t, name(), variables))
        case .address: return .address(try address(t, name(), variables))
        case .addressOrPage:
            // `kmem $p`: a struct page * stands for the struct page's own address.
            if let v = try variable(t, variables), case .page(let p) = v { return .address(kernel.structPageAddress(p.raw)) }
            return .address(try address(t, name(), variables))
        case .page: return .page(try page(t, name(), variables, kernel: &kernel))
        case .word(let choices):
            guard choices.contains(t) else {
                throw .notOneOf(argument: name(), value: t, choices: choices, suggestion: Suggest.closest(t, in: choices))
            }
            return .word(t)
        case .name, .cacheName, .zone, .cacheSetting, .stackOwner, .path, .procFile, .keyValue, .text: return .word(t)
        }
    }

    /// A variable's value, for arguments written `$name`; nil when the word is not a variable.
    static func variable(_ t: String, _ variables: [String: ShellValue]) throws(CommandError) -> ShellValue? {
        // No `$` byte first, no `$` Character first (nothing else decomposes to or composes into a `$`): the usual
        // number or name is told in one compare.
        guard t.firstUTF8Byte == 0x24 else { return nil }
        // `$name` in plain ASCII (one byte is one Character there): its name is the bytes after the `$`.
        let ascii = t.utf8.withContiguousStorageIfAvailable { b -> String? in
            ByteScan.isASCII(b) ? String(utf8Bytes: b[1...]) : nil
        }
        let name: String
        if let n = ascii ?? nil {
            name = n
        } else {
            guard t.hasPrefix("$") else { return nil }
            name = String(t.dropFirst())
        }
        guard let v = variables[name] else { throw .unknownVariable(name, known: variables.keys.sorted()) }
        return v
    }

    static func number(_ t: String, _ name: @autoclosure () -> String, _ what: String, _ variables: [String: ShellValue]) throws(CommandError) -> Int {
        if let v = try variable(t, variables) {
            switch v {
            case .int(let n): return n
            case .address(let a) where a <= UInt64(Int.max): return Int(a)
            default: throw .wrongValueType(argument: name(), expected: .expectedNumber, got: .gotValue(v))
            }
        }
        guard let n = NumberParser.integer(t) else { throw .badNumber(t, what: what) }
        return n
    }

    static func size(_ t: String, _ name: @autoclosure () -> String, _ variables: [String: ShellValue]) throws(CommandError) -> UInt64 {
        if let v = try variable(t, variables) {
            guard case .int(let n) = v, n >= 0 else { throw .wrongValueType(argument: name(), expected: .expectedSize, got: .gotValue(v)) }
            return UInt64(n)
        }
        guard let n = NumberParser.size(t) else { throw .badNumber(t, what: "size") }
        return n
    }

    static func address(_ t: String, _ name: @autoclosure () -> String, _ variables: [String: ShellValue]) throws(CommandError) -> UInt64 {
        // `$x+100`: an address variable plus a byte offset (to point past an object's end).
        if t.hasPrefix("$"), let plus = t.firstIndex(of: "+") {
            let base = String(t[..<plus]), off = String(t[t.index(after: plus)...])
            guard let v = try variable(base, variables), case .address(let a) = v else {
                throw .wrongValueType(argument: name(), expected: .expectedAddressVariableBeforePlus, got: .gotText(base))
            }
            guard let n = NumberParser.unsigned(off) else { throw .badNumber(off, what: "offset") }
            return a &+ n
        }
        if let v = try variable(t, variables) {
            switch v {
            case .address(let a): return a
            case .null: return 0
            case .int(let n) where n >= 0: return UInt64(n)
            default:
                throw .wrongValueType(argument: name(), expected: .expectedAddress,
                                      got: { if case .page = v { return .gotPageWantAddress } else { return .gotValue(v) } }())
            }
        }
        if t == "NULL" { return 0 }
        guard let n = NumberParser.unsigned(t) else { throw .badNumber(t, what: "address") }
        return n
    }

    static func page(_ t: String, _ name: @autoclosure () -> String, _ variables: [String: ShellValue], kernel: inout Kernel) throws(CommandError) -> PFN? {
        if let v = try variable(t, variables) {
            switch v {
            case .page(let p): return p
            case .null: return nil
            case .int(let n):
                guard n >= 0, n < kernel.frames.count else {
                    throw .badArgument(argument: name(), value: "\(t) = \(n)", reason: .notAPFN(last: kernel.frames.count - 1))
                }
                return PFN(n)
            case .address(let a):
                throw .wrongValueType(argument: name(), expected: .expectedStructPage,
                                      got: .gotAddressWantPage(a))
            default: throw .wrongValueType(argument: name(), expected: .expectedStructPage, got: .gotValue(v))
            }
        }
        if t == "NULL" { return nil }
        let body = t.lowercased().hasPrefix("pfn:") ? String(t.dropFirst(4)) : t
        guard let n = NumberParser.unsigned(body) else { throw .badNumber(t, what: "page (a $variable, a PFN, or a struct page address)") }
        if let pfn = kernel.pfnOfStructPage(n) { return PFN(pfn) }
        // A direct-map address names its page too (virt_to_page), as `page 0xffff888001000000` would in crash.
        if n >= kernel.arch.pageOffset, let pfn = kernel.directMapPFN(n) { return PFN(pfn) }
        guard n < UInt64(kernel.frames.count) else {
            throw .badArgument(argument: name(), value: t, reason: .neitherPFNNorStructPage(last: kernel.frames.count - 1))
        }
        return PFN(Int(n))
    }
}

extension CommandSpec {
    /// A sub-command's own word (`start` of `lesson start`).
    public var word: String { name.split(separator: " ").last.map(String.init) ?? name }
}

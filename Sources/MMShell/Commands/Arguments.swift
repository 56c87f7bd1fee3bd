import KernelMM

/// A command's arguments, read by type. Each accessor names the argument in its error.
public struct Arguments: Sendable {
    public let command: CommandSpec
    public let raw: [String]
    /// The text after the command word, as typed.
    public let rest: String
    let variables: [String: ShellValue]
    /// The whole input line, so that errors inside an expression can give the column in the line.
    public var line: String = ""

    public var count: Int { raw.count }
    public func has(_ i: Int) -> Bool { i < raw.count }

    func spec(_ i: Int) -> ArgumentSpec {
        let a = command.arguments
        return i < a.count ? a[i] : (a.last ?? ArgumentSpec("argument", .text))
    }

    func text(_ i: Int) throws(CommandError) -> String {
        guard i < raw.count else {
            throw .missingArgument(command: command.name, argument: spec(i).name.uppercased(), usage: command.usage)
        }
        return raw[i]
    }

    /// A variable's value, for arguments written `$name`.
    func variable(_ t: String) throws(CommandError) -> ShellValue? {
        // `$name` in plain ASCII (one byte is one Character there): its name is the bytes after the `$`.
        let ascii = t.utf8.withContiguousStorageIfAvailable { b -> String?? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard b.first == 0x24 else { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: b[1...]), as: UTF8.self))
        }
        let name: String
        switch ascii {
        case .some(.some(.some(let n))): name = n
        case .some(.some(.none)): return nil
        default:
            guard t.hasPrefix("$") else { return nil }
            name = String(t.dropFirst())
        }
        guard let v = variables[name] else { throw .unknownVariable(name, known: variables.keys.sorted()) }
        return v
    }

    public func string(_ i: Int) throws(CommandError) -> String { try text(i) }
    public func string(_ i: Int, default d: String) throws(CommandError) -> String { has(i) ? try text(i) : d }

    public func gfp(_ i: Int) throws(CommandError) -> GFPFlags {
        try GFPParser.parse(try text(i), variables: variables)
    }

    public func int(_ i: Int) throws(CommandError) -> Int {
        let t = try text(i)
        if let v = try variable(t) {
            switch v {
            case .int(let n): return n
            case .address(let a) where a <= UInt64(Int.max): return Int(a)
            default: throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedNumber, got: .gotValue(v))
            }
        }
        guard let n = NumberParser.integer(t) else { throw .badNumber(t, what: spec(i).name) }
        return n
    }

    public func int(_ i: Int, default d: Int) throws(CommandError) -> Int { has(i) ? try int(i) : d }

    /// An order: a small non-negative number (the allocator itself reports orders above MAX_ORDER).
    public func order(_ i: Int) throws(CommandError) -> Int {
        let n = try int(i)
        guard n >= 0 else { throw .badArgument(argument: "ORDER", value: String(n), reason: .orderNegative) }
        guard n <= 63 else { throw .badArgument(argument: "ORDER", value: String(n), reason: .orderTooLarge(n)) }
        return n
    }

    public func size(_ i: Int) throws(CommandError) -> UInt64 {
        let t = try text(i)
        if let v = try variable(t) {
            guard case .int(let n) = v, n >= 0 else { throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedSize, got: .gotValue(v)) }
            return UInt64(n)
        }
        guard let n = NumberParser.size(t) else { throw .badNumber(t, what: "size") }
        return n
    }

    /// An address: a number, or a variable holding an address (a page's address is not accepted silently).
    public func address(_ i: Int) throws(CommandError) -> UInt64 {
        let t = try text(i)
        // `$x+100`: an address variable plus a byte offset (to point past an object's end).
        if t.hasPrefix("$"), let plus = t.firstIndex(of: "+") {
            let base = String(t[..<plus]), off = String(t[t.index(after: plus)...])
            guard let v = try variable(base), case .address(let a) = v else {
                throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedAddressVariableBeforePlus, got: .gotText(base))
            }
            guard let n = NumberParser.unsigned(off) else { throw .badNumber(off, what: "offset") }
            return a &+ n
        }
        if let v = try variable(t) {
            switch v {
            case .address(let a): return a
            case .null: return 0
            case .int(let n) where n >= 0: return UInt64(n)
            default:
                throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedAddress,
                                      got: { if case .page = v { return .gotPageWantAddress } else { return .gotValue(v) } }())
            }
        }
        if t == "NULL" { return 0 }
        guard let n = NumberParser.unsigned(t) else { throw .badNumber(t, what: "address") }
        return n
    }

    /// A struct page *: `$p`, a struct page address, or a PFN given as `pfn:0x1234` or a plain number.
    public func page(_ i: Int, kernel: Kernel) throws(CommandError) -> PFN? {
        let t = try text(i)
        if let v = try variable(t) {
            switch v {
            case .page(let p): return p
            case .null: return nil
            case .int(let n):
                guard n >= 0, n < kernel.frames.count else {
                    throw .badArgument(argument: spec(i).name.uppercased(), value: "\(t) = \(n)", reason: .notAPFN(last: kernel.frames.count - 1))
                }
                return PFN(n)
            case .address(let a):
                throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedStructPage,
                                      got: .gotAddressWantPage(a))
            default: throw .wrongValueType(argument: spec(i).name.uppercased(), expected: .expectedStructPage, got: .gotValue(v))
            }
        }
        if t == "NULL" { return nil }
        let body = t.lowercased().hasPrefix("pfn:") ? String(t.dropFirst(4)) : t
        guard let n = NumberParser.unsigned(body) else { throw .badNumber(t, what: "page (a $variable, a PFN, or a struct page address)") }
        if let pfn = kernel.pfnOfStructPage(n) { return PFN(pfn) }
        // A direct-map address names its page too (virt_to_page), as `page 0xffff888001000000` would in crash.
        if n >= kernel.arch.pageOffset, let pfn = kernel.directMapPFN(n) { return PFN(pfn) }
        guard n < UInt64(kernel.frames.count) else {
            throw .badArgument(argument: spec(i).name.uppercased(), value: t, reason: .neitherPFNNorStructPage(last: kernel.frames.count - 1))
        }
        return PFN(Int(n))
    }
}
